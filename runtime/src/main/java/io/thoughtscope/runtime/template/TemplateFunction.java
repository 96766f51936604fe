package io.thoughtscope.runtime.template;

/** Anything a template can call: a global such as {@code namespace}, a bound method, a macro. */
interface TemplateFunction {

    Object call(Renderer renderer, Arguments args);

    /** How {@code str()} shows it. */
    String describe();
}
