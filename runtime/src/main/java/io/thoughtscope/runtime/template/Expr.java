package io.thoughtscope.runtime.template;

import java.util.List;

/** An expression inside {@code {{ }}} or a tag. */
sealed interface Expr {

    SourcePos pos();

    /** A keyword argument {@code name=value} of a call, filter or test. */
    record Named(String name, Expr value) {
    }

    record Literal(Object value, SourcePos pos) implements Expr {
    }

    record Name(String name, SourcePos pos) implements Expr {
    }

    record ListLiteral(List<Expr> items, SourcePos pos) implements Expr {
    }

    record TupleLiteral(List<Expr> items, SourcePos pos) implements Expr {
    }

    record DictLiteral(List<Expr> keys, List<Expr> values, SourcePos pos) implements Expr {
    }

    /** {@code target.name}. */
    record Attribute(Expr target, String name, SourcePos pos) implements Expr {
    }

    /** {@code target[index]}; the index may be a {@link Slice}. */
    record Item(Expr target, Expr index, SourcePos pos) implements Expr {
    }

    /** {@code start:stop:step} inside brackets; each part null when omitted. */
    record Slice(Expr start, Expr stop, Expr step, SourcePos pos) implements Expr {
    }

    record Call(Expr callee, List<Expr> args, List<Named> kwargs, SourcePos pos) implements Expr {
    }

    /** {@code value | name(args)}. */
    record Filter(Expr value, String name, List<Expr> args, List<Named> kwargs, SourcePos pos) implements Expr {
    }

    /** {@code value is [not] name(args)}. */
    record Test(Expr value, String name, List<Expr> args, List<Named> kwargs, boolean negated, SourcePos pos)
            implements Expr {
    }

    /** {@code -x}, {@code +x}, {@code not x}. */
    record Unary(String op, Expr operand, SourcePos pos) implements Expr {
    }

    /** {@code + - * / // % ** ~}. */
    record Binary(String op, Expr left, Expr right, SourcePos pos) implements Expr {
    }

    /** {@code and} / {@code or}: short-circuit, returning an operand as Python does. */
    record Logical(boolean and, Expr left, Expr right, SourcePos pos) implements Expr {
    }

    /** {@code a < b <= c}, {@code x in y}, {@code x not in y}: a chain of comparisons. */
    record Compare(Expr first, List<String> ops, List<Expr> rest, SourcePos pos) implements Expr {
    }

    /** {@code then if test else otherwise}; {@code otherwise} null gives undefined. */
    record Conditional(Expr test, Expr then, Expr otherwise, SourcePos pos) implements Expr {
    }
}
