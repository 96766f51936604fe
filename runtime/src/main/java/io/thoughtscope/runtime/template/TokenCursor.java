package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.Token.Type;

import java.util.List;

/** Reads tokens one at a time for the parsers, failing with the position of the token at fault. */
final class TokenCursor {

    private final List<Token> tokens;
    private int i;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(i);
    }

    /** The token after the next one (the last token, end of template, repeats). */
    Token peekSecond() {
        return tokens.get(Math.min(i + 1, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(i);
        if (t.type() != Type.EOF) {
            i++;
        }
        return t;
    }

    Token expect(Type type, String what) {
        Token t = peek();
        if (t.type() != type) {
            throw error("expected " + what + ", got " + t.describe(), t);
        }
        return next();
    }

    Token expectOperator(String op) {
        Token t = peek();
        if (!t.isOperator(op)) {
            throw error("expected '" + op + "', got " + t.describe(), t);
        }
        return next();
    }

    void expectName(String name) {
        Token t = peek();
        if (!t.isName(name)) {
            throw error("expected '" + name + "', got " + t.describe(), t);
        }
        next();
    }

    static TemplateException error(String reason, Token at) {
        return new TemplateException(TemplateException.Kind.SYNTAX, reason, at.pos());
    }
}
