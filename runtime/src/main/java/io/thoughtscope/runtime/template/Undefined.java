package io.thoughtscope.runtime.template;

/**
 * A missing value: Jinja's {@code Undefined}. It is falsy, prints as nothing and iterates as
 * empty; using it any other way fails with {@link #hint()}.
 *
 * @param hint why it is undefined, e.g. {@code 'foo' is undefined}
 */
record Undefined(String hint) {

    static Undefined name(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    static Undefined attribute(Object owner, Object attribute) {
        return new Undefined("'" + Values.typeName(owner) + " object' has no attribute "
                + PythonText.repr(attribute));
    }

    EvalError misuse() {
        return new EvalError(hint);
    }
}
