package io.thoughtscope.runtime.template;

/** A method looked up on a value ({@code content.strip}), waiting to be called. */
record BoundMethod(Object receiver, String name) implements TemplateFunction {

    @Override
    public Object call(Renderer renderer, Arguments args) {
        return switch (receiver) {
            case String s -> StringMethods.call(renderer, s, name, args);
            default -> CollectionMethods.call(renderer, receiver, name, args);
        };
    }

    @Override
    public String describe() {
        return "<built-in method " + name + " of " + Values.typeName(receiver) + " object>";
    }
}
