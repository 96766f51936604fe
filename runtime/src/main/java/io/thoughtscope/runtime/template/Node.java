package io.thoughtscope.runtime.template;

import java.util.List;

/** A statement of the template: text, an output, or a tag. */
sealed interface Node {

    /** Where the statement starts, for error messages. */
    SourcePos pos();

    /** Where an assignment stores: a name, {@code ns.attribute}, or several names to unpack. */
    sealed interface Target {
        record Variable(String name) implements Target {
        }

        record NamespaceAttribute(String namespace, String attribute, SourcePos pos) implements Target {
        }

        record Unpack(List<Target> targets, SourcePos pos) implements Target {
        }
    }

    record Text(String text, SourcePos pos) implements Node {
    }

    /** {@code {{ expr }}}. */
    record Output(Expr expr) implements Node {
        @Override
        public SourcePos pos() {
            return expr.pos();
        }
    }

    record If(List<Branch> branches, List<Node> otherwise, SourcePos pos) implements Node {
    }

    record Branch(Expr test, List<Node> body) {
    }

    /** {@code {% for target in iterable if filter %} body {% else %} otherwise {% endfor %}}. */
    record For(Target target, Expr iterable, Expr filter, List<Node> body, List<Node> otherwise, SourcePos pos)
            implements Node {
    }

    /** {@code {% set target = value %}}. */
    record Set(Target target, Expr value, SourcePos pos) implements Node {
    }

    /** {@code {% set name %} body {% endset %}}: the rendered body becomes the value. */
    record SetBlock(Target target, List<Node> body, SourcePos pos) implements Node {
    }

    record Macro(String name, List<Parameter> parameters, List<Node> body, SourcePos pos) implements Node {
    }

    /** A macro parameter; {@code fallback} null when it has no default. */
    record Parameter(String name, Expr fallback) {
    }

    /** {@code {% with a = 1 %} body {% endwith %}}: a scope of its own. */
    record With(List<Target> targets, List<Expr> values, List<Node> body, SourcePos pos) implements Node {
    }

    /** A block that renders its body as is, such as Hugging Face's {@code {% generation %}}. */
    record Block(List<Node> body, SourcePos pos) implements Node {
    }

    record Break(SourcePos pos) implements Node {
    }

    record Continue(SourcePos pos) implements Node {
    }
}
