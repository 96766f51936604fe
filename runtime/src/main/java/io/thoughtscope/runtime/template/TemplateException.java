package io.thoughtscope.runtime.template;

/**
 * Why a template could not be compiled or rendered, and where in its source.
 *
 * <p>A template comes from a model file, so every failure (bad syntax, a type error, the
 * template's own {@code raise_exception}, a limit reached by a hostile template) arrives as this
 * one exception with a line and column; {@link #kind()} tells them apart.
 */
public final class TemplateException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The source is not a template this engine understands. */
        SYNTAX,
        /** Rendering failed: an undefined value used, a type error, an unsupported operation. */
        RENDER,
        /** The template called {@code raise_exception(message)}; {@link #reason()} is its message. */
        RAISED,
        /** The template exceeded a {@link TemplateLimits} bound (output, loops, steps, depth). */
        LIMIT
    }

    private final Kind kind;
    private final String reason;
    private final int line;
    private final int column;

    TemplateException(Kind kind, String reason, int line, int column) {
        super(describe(kind, reason, line, column), null, false, true);
        this.kind = kind;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    TemplateException(Kind kind, String reason, SourcePos pos) {
        this(kind, reason, pos.line(), pos.column());
    }

    public Kind kind() {
        return kind;
    }

    /** The bare message: for {@link Kind#RAISED}, exactly the text the template raised. */
    public String reason() {
        return reason;
    }

    /** 1-based line in the template source, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in the template source, or 0 when unknown. */
    public int column() {
        return column;
    }

    private static String describe(Kind kind, String reason, int line, int column) {
        String what = switch (kind) {
            case SYNTAX -> "template syntax error";
            case RENDER -> "template render error";
            case RAISED -> "the template raised an error";
            case LIMIT -> "template stopped at a limit";
        };
        return line > 0
                ? what + " at line " + line + ", column " + column + ": " + reason
                : what + ": " + reason;
    }
}
