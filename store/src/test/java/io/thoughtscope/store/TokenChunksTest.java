package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenChunksTest {

    @Test
    void everyTokenComesBackAsItWasOddTextAndUnknownNumbersIncluded() {
        List<Token> tokens = List.of(
                new Token(151_935, " Wait", -0.25, List.of(new TopToken(3, " So", -1.5), new TopToken(-1, "等等", Double.NaN)),
                        1.25, 123_456_789_012L),
                new Token(-1, "", Double.NaN, List.of(), Double.NaN, -1),
                new Token(7, "\uD83E", -0.0, List.of(new TopToken(8, "\uDD14x", Double.NEGATIVE_INFINITY)), 0, 0), // half an emoji
                new Token(0, "😀 √2 x² 答案", Double.MIN_VALUE, List.of(), Double.MAX_VALUE, Long.MAX_VALUE),
                new Token(Integer.MIN_VALUE, "a".repeat(70_000), -1e-300, List.of(), 3, 1));
        int[] pos = {0, 5, 5, 6, Integer.MAX_VALUE};
        byte[] data = TokenChunks.encode(tokens, pos, 0, tokens.size());
        List<Token> back = new ArrayList<>(List.of(Token.ofText("before")));
        int[] backPos = TokenChunks.decode(data, back, new int[1]);
        assertThat(back.subList(1, back.size())).isEqualTo(tokens);
        for (int i = 0; i < pos.length; i++) {
            assertThat(backPos[i + 1]).isEqualTo(pos[i]);
        }
        assertThat(Double.doubleToRawLongBits(back.get(3).logprob())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aPartOfAListPacksAlone() {
        List<Token> tokens = List.of(Token.ofText("a"), Token.ofText("b"), Token.ofText("c"));
        List<Token> back = new ArrayList<>();
        TokenChunks.decode(TokenChunks.encode(tokens, new int[] {0, 1, 2}, 1, 3), back, new int[0]);
        assertThat(back).extracting(Token::text).containsExactly("b", "c");
    }
}
