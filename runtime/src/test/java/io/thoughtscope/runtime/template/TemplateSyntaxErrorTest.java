package io.thoughtscope.runtime.template;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A template that does not parse fails at compile time, saying what and where. */
class TemplateSyntaxErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing operand           | `Hello\\n{% if x %}\\n  {{ 1 + }}\\n{% endif %}`      | 3 | 10 | expected an expression
            unknown filter            | `{{ name | shout }}`                                 | 1 | 11 | no filter named 'shout'
            unknown test              | `line one\\n{% if x is shouting %}{% endif %}`        | 2 | 12 | no test named 'shouting'
            unterminated string       | `{{ 'abc }}`                                         | 1 | 4  | unterminated string
            unclosed block            | `{% for m in messages %}\\n{{ m }}`                   | 2 | 8  | expected 'else' or 'endfor'
            unknown tag               | `ok\\n\\n   {% frobnicate %}`                          | 3 | 4  | unknown tag 'frobnicate'
            unsupported tag           | `{% include 'other.jinja' %}`                        | 1 | 1  | 'include' tag is not supported
            unclosed comment          | `a {# note`                                          | 1 | 3  | missing end of comment
            unclosed expression       | `{{ messages[0]`                                     | 1 | 1  | missing end of tag
            stray closing bracket     | `{{ a) }}`                                           | 1 | 5  | unexpected ')'
            break outside a loop      | `{% break %}`                                        | 1 | 4  | 'break' outside of a loop
            keyword before positional | `{{ f(a=1, 2) }}`                                    | 1 | 11 | positional argument follows a keyword
            bad escape                | `{{ '\\x4' }}`                                        | 1 | 4  | truncated \\x escape
            """)
    void reportsWhatAndWhere(String what, String source, int line, int column, String reason) {
        String template = source.replace("\\n", "\n");

        assertThatThrownBy(() -> ChatTemplate.compile(template))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX);
                    assertThat(e.reason()).contains(reason.replace("\\\\", "\\"));
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                    assertThat(e.getMessage()).startsWith("template syntax error at line " + line + ", column " + column);
                });
    }
}
