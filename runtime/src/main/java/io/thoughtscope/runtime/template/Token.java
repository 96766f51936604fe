package io.thoughtscope.runtime.template;

/**
 * One lexical token. {@code value} is the decoded literal for strings and numbers, the text
 * otherwise.
 */
record Token(Type type, Object value, SourcePos pos) {

    enum Type {
        TEXT, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END,
        NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF
    }

    String text() {
        return String.valueOf(value);
    }

    boolean is(Type expected, String text) {
        return type == expected && value.equals(text);
    }

    boolean isOperator(String op) {
        return is(Type.OPERATOR, op);
    }

    boolean isName(String name) {
        return is(Type.NAME, name);
    }

    /** How an error message names this token. */
    String describe() {
        return switch (type) {
            case EOF -> "end of template";
            case VARIABLE_END -> "'}}'";
            case BLOCK_END -> "'%}'";
            case VARIABLE_BEGIN -> "'{{'";
            case BLOCK_BEGIN -> "'{%'";
            case STRING -> "string";
            case TEXT -> "text";
            default -> "'" + value + "'";
        };
    }
}
