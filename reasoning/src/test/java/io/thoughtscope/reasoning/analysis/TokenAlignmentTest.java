package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAlignmentTest {

    @Test
    void alignsTokensThatSpellTheTextOrAPartOfIt() {
        List<Token> toks = List.of(Token.ofText("Hel"), Token.ofText("lo"), Token.ofText(" world"));
        TokenAlignment exact = TokenAlignment.of("Hello world", toks);
        assertThat(exact).isNotNull();
        assertThat(exact.spanOf(2)).isEqualTo(new Span(5, 11));
        assertThat(exact.tokenAt(4)).isEqualTo(1);
        assertThat(exact.tokenAt(5)).isEqualTo(2);

        TokenAlignment part = TokenAlignment.of("<prompt>Hello world", toks);
        assertThat(part.spanOf(0)).isEqualTo(new Span(8, 11));
        assertThat(part.tokensIn(new Span(8, 13))).isEqualTo(2);

        assertThat(TokenAlignment.of("Goodbye", toks)).isNull();
        assertThat(TokenAlignment.of("x", List.of())).isNull();
    }

    @Test
    void wordCountsTreatChineseCharactersAsWords() {
        assertThat(TextStats.words("Hello, world! It's 3.5 apples, 1,000 of them.")).isEqualTo(8);
        assertThat(TextStats.words("答案是 180。")).isEqualTo(4);
        assertThat(TextStats.words("")).isZero();
    }
}
