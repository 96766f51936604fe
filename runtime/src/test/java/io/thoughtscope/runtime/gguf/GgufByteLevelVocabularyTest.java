package io.thoughtscope.runtime.gguf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The vocabulary follows GPT-2's byte-level conventions, its merges are consistent, and text gets shorter. */
class GgufByteLevelVocabularyTest {
    private final ByteLevelVocabulary vocabulary = ByteLevelVocabulary.build(ByteLevelVocabulary.coreSize(),
            ByteLevelVocabulary.coreSize() + 5);

    @Test
    void theFirst256TokensAreTheBytesInGpt2Order() {
        assertThat(vocabulary.tokens().subList(0, 4)).containsExactly("!", "\"", "#", "$");
        assertThat(ByteLevelVocabulary.byteToken(' ')).isEqualTo("Ġ");
        assertThat(ByteLevelVocabulary.byteToken('\n')).isEqualTo("Ċ");
        assertThat(ByteLevelVocabulary.byteToken('A')).isEqualTo("A");
        assertThat(ByteLevelVocabulary.byteToken(0)).isEqualTo("Ā");
        assertThat(new HashSet<>(vocabulary.tokens().subList(0, 256))).hasSize(256);
        for (int b = 0; b < 256; b++) {
            assertThat(vocabulary.tokens().subList(0, 256)).contains(ByteLevelVocabulary.byteToken(b));
        }
    }

    @Test
    void specialTokensAreControlOrUserDefinedAsLlamaCppExpects() {
        var specials = vocabulary.specials();

        assertThat(vocabulary.tokens().get(specials.imStart())).isEqualTo("<|im_start|>");
        assertThat(vocabulary.tokens().get(specials.imEnd())).isEqualTo("<|im_end|>");
        assertThat(vocabulary.tokens().get(specials.endOfText())).isEqualTo("<|endoftext|>");
        assertThat(vocabulary.tokens().get(specials.thinkStart())).isEqualTo("<think>");
        assertThat(vocabulary.tokens().get(specials.thinkEnd())).isEqualTo("</think>");
        assertThat(vocabulary.types()[specials.imStart()]).isEqualTo(ByteLevelVocabulary.CONTROL);
        assertThat(vocabulary.types()[specials.thinkStart()]).isEqualTo(ByteLevelVocabulary.USER_DEFINED);
        assertThat(vocabulary.types()[0]).isEqualTo(ByteLevelVocabulary.NORMAL);
    }

    @Test
    void everyMergeJoinsTwoTokensIntoAThird() {
        Set<String> tokens = new HashSet<>(vocabulary.tokens());

        assertThat(vocabulary.merges()).hasSizeBetween(300, 2000).doesNotHaveDuplicates();
        for (String merge : vocabulary.merges()) {
            String[] parts = merge.split(" ");
            assertThat(parts).as(merge).hasSize(2);
            assertThat(tokens).as(merge).contains(parts[0], parts[1], parts[0] + parts[1]);
        }
        assertThat(tokens).contains("Ġthe", "ĠWait", "Ġanswer", "Hmm", "ĊĊ");
    }

    @Test
    void reasoningTextTakesFarFewerTokensThanBytes() {
        String text = "Wait, let me check the answer again. So the total is the sum of the two numbers.\n\n"
                + "Hmm, maybe I made a mistake. Let me recompute: the answer is 42.";

        List<String> tokens = tokenize(text);

        assertThat(String.join("", tokens)).isEqualTo(ByteLevelVocabulary.toByteLevel(text));
        assertThat(tokens.size()).isLessThan(text.length() / 3);
    }

    @Test
    void fillerWordsPadTheVocabularyWithoutDuplicates() {
        ByteLevelVocabulary big = ByteLevelVocabulary.build(5000, 5010);

        assertThat(big.tokens()).hasSize(5010).doesNotHaveDuplicates();
        assertThat(big.tokens().get(4999)).startsWith("Ġ");
        assertThat(big.tokens().get(5005)).isEqualTo("[PAD5005]");
    }

    /** GPT-2-style pre-split, then BPE by merge rank: what llama.cpp does with these merges. */
    private List<String> tokenize(String text) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < vocabulary.merges().size(); i++) {
            ranks.put(vocabulary.merges().get(i), i);
        }
        List<String> out = new ArrayList<>();
        Matcher words = Pattern.compile(" ?\\p{L}+| ?\\p{N}| ?[^\\s\\p{L}\\p{N}]+|\\s+").matcher(text);
        while (words.find()) {
            List<String> symbols = new ArrayList<>(ByteLevelVocabulary.toByteLevel(words.group()).codePoints()
                    .mapToObj(Character::toString).toList());
            while (true) {
                int best = -1;
                int bestRank = Integer.MAX_VALUE;
                for (int i = 0; i + 1 < symbols.size(); i++) {
                    Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
                    if (rank != null && rank < bestRank) {
                        best = i;
                        bestRank = rank;
                    }
                }
                if (best < 0) {
                    break;
                }
                symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
            }
            out.addAll(symbols);
        }
        return out;
    }
}
