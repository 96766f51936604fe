package io.thoughtscope.runtime.template;

import java.util.List;

/** The {@code loop} variable inside a for loop: where the current iteration stands. */
record LoopState(List<Object> items, int index0) {

    Object attribute(String name) {
        int length = items.size();
        return switch (name) {
            case "index0" -> (long) index0;
            case "index" -> (long) index0 + 1;
            case "revindex" -> (long) (length - index0);
            case "revindex0" -> (long) (length - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == length - 1;
            case "length" -> (long) length;
            case "depth" -> 1L;
            case "depth0" -> 0L;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : new Undefined("there is no previous item");
            case "nextitem" -> index0 + 1 < length ? items.get(index0 + 1) : new Undefined("there is no next item");
            case "cycle" -> new Cycle(index0);
            default -> Undefined.attribute(this, name);
        };
    }

    /** {@code loop.cycle('odd', 'even')}: the argument at this iteration's place, round robin. */
    private record Cycle(int index0) implements TemplateFunction {
        @Override
        public Object call(Renderer renderer, Arguments args) {
            if (args.positional().isEmpty()) {
                throw new EvalError("loop.cycle() needs at least one value");
            }
            return args.positional().get(index0 % args.positional().size());
        }

        @Override
        public String describe() {
            return "<bound method LoopContext.cycle>";
        }
    }
}
