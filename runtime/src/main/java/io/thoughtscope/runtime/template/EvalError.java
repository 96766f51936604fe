package io.thoughtscope.runtime.template;

/**
 * A failure deep in value handling, where the source position is not known; the renderer turns
 * it into a {@link TemplateException} at the innermost expression. No stack trace: failing is an
 * expected outcome for a bad template.
 */
final class EvalError extends RuntimeException {

    private final TemplateException.Kind kind;

    EvalError(String message) {
        this(TemplateException.Kind.RENDER, message);
    }

    EvalError(TemplateException.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    TemplateException.Kind kind() {
        return kind;
    }
}
