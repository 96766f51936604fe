package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PromptTokensTest {

    /** Characters as ids; "^" is the start token, which it adds in front when asked to. */
    private static Tokenizer withStartToken(boolean adds) {
        return new Tokenizer() {
            @Override
            public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
                IntStream chars = text.chars();
                return adds && addSpecial ? IntStream.concat(IntStream.of('^'), chars).toArray() : chars.toArray();
            }

            @Override
            public byte[] tokenBytes(int token) {
                return new byte[] {(byte) token};
            }

            @Override
            public String detokenize(int[] tokens) {
                return new String(tokens, 0, tokens.length);
            }

            @Override
            public int vocabularySize() {
                return 256;
            }

            @Override
            public boolean isEndOfGeneration(int token) {
                return false;
            }
        };
    }

    @Test
    void theStartTokenIsAddedOnceWhetherOrNotTheTemplateWritesIt() {
        assertThat(PromptTokens.encode(withStartToken(true), "ab")).containsExactly('^', 'a', 'b');
        assertThat(PromptTokens.encode(withStartToken(true), "^ab")).containsExactly('^', 'a', 'b');
        assertThat(PromptTokens.encode(withStartToken(false), "ab")).containsExactly('a', 'b');
        assertThat(PromptTokens.encode(withStartToken(false), "^^ab")).containsExactly('^', '^', 'a', 'b');
    }
}
