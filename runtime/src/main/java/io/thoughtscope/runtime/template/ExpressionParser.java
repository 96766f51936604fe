package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.Expr.Named;
import io.thoughtscope.runtime.template.Token.Type;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive descent over expressions, following Jinja's grammar and precedence (lowest first):
 *
 * <pre>
 * conditional  := or ('if' or ('else' conditional)?)*
 * or           := and ('or' and)*
 * and          := not ('and' not)*
 * not          := 'not' not | compare
 * compare      := add (('==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | 'not' 'in') add)*
 * add          := concat (('+' | '-') concat)*
 * concat       := multiply ('~' multiply)*
 * multiply     := power (('*' | '/' | '//' | '%') power)*
 * power        := unary ('**' unary)*
 * unary        := ('-' | '+') unary | primary postfix* (filter | test | call)*
 * </pre>
 *
 * Filters and tests bind tighter than every operator: {@code 'a' + b | trim} trims {@code b}.
 * Unknown filters and tests are syntax errors, as in Jinja. Collects every variable name read.
 */
final class ExpressionParser {

    private static final int MAX_NESTING = 100;

    private final TokenCursor in;
    private final Set<String> names = new LinkedHashSet<>();
    private int nesting;

    ExpressionParser(TokenCursor in) {
        this.in = in;
    }

    /** Every variable name the parsed expressions read. */
    Set<String> names() {
        return names;
    }

    /**
     * Comma-separated expressions: one gives itself, several (or a trailing comma) a tuple.
     *
     * @param conditional whether {@code x if y else z} is allowed (not in a for loop's iterable)
     */
    Expr tuple(boolean conditional, Set<String> extraEnds, boolean explicitParentheses) {
        SourcePos pos = in.peek().pos();
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                in.expectOperator(",");
            }
            if (isTupleEnd(extraEnds)) {
                break;
            }
            items.add(expression(conditional));
            if (in.peek().isOperator(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.getFirst();
            }
            if (!explicitParentheses) {
                throw TokenCursor.error("expected an expression, got " + in.peek().describe(), in.peek());
            }
        }
        return new Expr.TupleLiteral(items, pos);
    }

    private boolean isTupleEnd(Set<String> extraEnds) {
        Token t = in.peek();
        return t.type() == Type.VARIABLE_END || t.type() == Type.BLOCK_END || t.isOperator(")")
                || (t.type() == Type.NAME && extraEnds.contains(t.text()));
    }

    Expr expression(boolean conditional) {
        if (++nesting > MAX_NESTING) {
            throw TokenCursor.error("expression nests more than " + MAX_NESTING + " deep", in.peek());
        }
        try {
            return conditional ? conditional() : or();
        } finally {
            nesting--;
        }
    }

    private Expr conditional() {
        Expr e = or();
        while (in.peek().isName("if")) {
            SourcePos pos = in.next().pos();
            Expr test = or();
            Expr otherwise = null;
            if (in.peek().isName("else")) {
                in.next();
                otherwise = conditional();
            }
            e = new Expr.Conditional(test, e, otherwise, pos);
        }
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (in.peek().isName("or")) {
            SourcePos pos = in.next().pos();
            e = new Expr.Logical(false, e, and(), pos);
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (in.peek().isName("and")) {
            SourcePos pos = in.next().pos();
            e = new Expr.Logical(true, e, not(), pos);
        }
        return e;
    }

    private Expr not() {
        if (in.peek().isName("not")) {
            SourcePos pos = in.next().pos();
            return new Expr.Unary("not", nested(this::not), pos);
        }
        return compare();
    }

    private Expr compare() {
        Expr first = add();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = in.peek();
            if (t.type() == Type.OPERATOR && Set.of("==", "!=", "<", ">", "<=", ">=").contains(t.text())) {
                in.next();
                ops.add(t.text());
            } else if (t.isName("in")) {
                in.next();
                ops.add("in");
            } else if (t.isName("not") && in.peekSecond().isName("in")) {
                in.next();
                in.next();
                ops.add("not in");
            } else {
                break;
            }
            rest.add(add());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, ops, rest, first.pos());
    }

    private Expr add() {
        Expr e = concat();
        while (in.peek().isOperator("+") || in.peek().isOperator("-")) {
            Token op = in.next();
            e = new Expr.Binary(op.text(), e, concat(), op.pos());
        }
        return e;
    }

    private Expr concat() {
        Expr e = multiply();
        while (in.peek().isOperator("~")) {
            Token op = in.next();
            e = new Expr.Binary("~", e, multiply(), op.pos());
        }
        return e;
    }

    private Expr multiply() {
        Expr e = power();
        while (in.peek().isOperator("*") || in.peek().isOperator("/") || in.peek().isOperator("//") || in.peek().isOperator("%")) {
            Token op = in.next();
            e = new Expr.Binary(op.text(), e, power(), op.pos());
        }
        return e;
    }

    private Expr power() {
        Expr e = unary(true);
        while (in.peek().isOperator("**")) {
            Token op = in.next();
            e = new Expr.Binary("**", e, unary(true), op.pos());
        }
        return e;
    }

    private Expr unary(boolean withFilter) {
        Token t = in.peek();
        Expr e;
        if (t.isOperator("-") || t.isOperator("+")) {
            in.next();
            e = new Expr.Unary(t.text(), nested(() -> unary(false)), t.pos());
        } else {
            e = primary();
        }
        e = postfix(e);
        return withFilter ? filters(e) : e;
    }

    private Expr nested(Supplier<Expr> inner) {
        if (++nesting > MAX_NESTING) {
            throw TokenCursor.error("expression nests more than " + MAX_NESTING + " deep", in.peek());
        }
        try {
            return inner.get();
        } finally {
            nesting--;
        }
    }

    private Expr primary() {
        Token t = in.next();
        return switch (t.type()) {
            case NAME -> switch (t.text()) {
                case "true", "True" -> new Expr.Literal(true, t.pos());
                case "false", "False" -> new Expr.Literal(false, t.pos());
                case "none", "None" -> new Expr.Literal(null, t.pos());
                default -> {
                    names.add(t.text());
                    yield new Expr.Name(t.text(), t.pos());
                }
            };
            case STRING -> {
                StringBuilder s = new StringBuilder(t.text());
                while (in.peek().type() == Type.STRING) {
                    s.append(in.next().text());
                }
                yield new Expr.Literal(s.toString(), t.pos());
            }
            case INTEGER, FLOAT -> new Expr.Literal(t.value(), t.pos());
            case OPERATOR -> switch (t.text()) {
                case "(" -> {
                    Expr e = tuple(true, Set.of(), true);
                    in.expectOperator(")");
                    yield e;
                }
                case "[" -> new Expr.ListLiteral(items("]"), t.pos());
                case "{" -> dict(t);
                default -> throw TokenCursor.error("expected an expression, got " + t.describe(), t);
            };
            default -> throw TokenCursor.error("expected an expression, got " + t.describe(), t);
        };
    }

    private List<Expr> items(String close) {
        List<Expr> items = new ArrayList<>();
        while (!in.peek().isOperator(close)) {
            if (!items.isEmpty()) {
                in.expectOperator(",");
                if (in.peek().isOperator(close)) {
                    break;
                }
            }
            items.add(expression(true));
        }
        in.next();
        return items;
    }

    private Expr dict(Token open) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!in.peek().isOperator("}")) {
            if (!keys.isEmpty()) {
                in.expectOperator(",");
                if (in.peek().isOperator("}")) {
                    break;
                }
            }
            keys.add(expression(true));
            in.expectOperator(":");
            values.add(expression(true));
        }
        in.next();
        return new Expr.DictLiteral(keys, values, open.pos());
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = in.peek();
            if (t.isOperator(".")) {
                in.next();
                Token name = in.next();
                if (name.type() == Type.NAME) {
                    e = new Expr.Attribute(e, name.text(), name.pos());
                } else if (name.type() == Type.INTEGER) {
                    e = new Expr.Item(e, new Expr.Literal(name.value(), name.pos()), name.pos());
                } else {
                    throw TokenCursor.error("expected an attribute name after '.'", name);
                }
            } else if (t.isOperator("[")) {
                in.next();
                List<Expr> indices = new ArrayList<>();
                while (!in.peek().isOperator("]")) {
                    if (!indices.isEmpty()) {
                        in.expectOperator(",");
                    }
                    indices.add(subscript());
                }
                in.next();
                if (indices.isEmpty()) {
                    throw TokenCursor.error("expected an index inside '[]'", t);
                }
                Expr index = indices.size() == 1 ? indices.getFirst() : new Expr.TupleLiteral(indices, t.pos());
                e = new Expr.Item(e, index, t.pos());
            } else if (t.isOperator("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    private Expr subscript() {
        SourcePos pos = in.peek().pos();
        Expr start = null;
        if (!in.peek().isOperator(":")) {
            start = expression(true);
            if (!in.peek().isOperator(":")) {
                return start;
            }
        }
        in.next();
        Expr stop = null;
        if (!in.peek().isOperator(":") && !in.peek().isOperator("]") && !in.peek().isOperator(",")) {
            stop = expression(true);
        }
        Expr step = null;
        if (in.peek().isOperator(":")) {
            in.next();
            if (!in.peek().isOperator("]") && !in.peek().isOperator(",")) {
                step = expression(true);
            }
        }
        return new Expr.Slice(start, stop, step, pos);
    }

    private Expr filters(Expr e) {
        while (true) {
            Token t = in.peek();
            if (t.isOperator("|")) {
                in.next();
                Token name = in.expect(Type.NAME, "a filter name");
                if (!BuiltinFilters.has(name.text())) {
                    throw TokenCursor.error("no filter named '" + name.text() + "'", name);
                }
                List<Expr> args = List.of();
                List<Named> kwargs = List.of();
                if (in.peek().isOperator("(")) {
                    Expr.Call call = (Expr.Call) call(e);
                    args = call.args();
                    kwargs = call.kwargs();
                }
                e = new Expr.Filter(e, name.text(), args, kwargs, name.pos());
            } else if (t.isName("is")) {
                in.next();
                boolean negated = false;
                if (in.peek().isName("not")) {
                    in.next();
                    negated = true;
                }
                Token name = in.expect(Type.NAME, "a test name");
                if (!BuiltinTests.has(name.text())) {
                    throw TokenCursor.error("no test named '" + name.text() + "'", name);
                }
                List<Expr> args = List.of();
                List<Named> kwargs = List.of();
                Token after = in.peek();
                if (after.isOperator("(")) {
                    Expr.Call call = (Expr.Call) call(e);
                    args = call.args();
                    kwargs = call.kwargs();
                } else if (startsTestArgument(after)) {
                    args = List.of(postfix(primary()));
                }
                e = new Expr.Test(e, name.text(), args, kwargs, negated, name.pos());
            } else if (t.isOperator("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    /** Jinja lets a test take one argument without parentheses: {@code x is divisibleby 3}. */
    private static boolean startsTestArgument(Token t) {
        return switch (t.type()) {
            case NAME -> !Set.of("else", "or", "and", "is", "if", "in", "not").contains(t.text());
            case STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> t.isOperator("[") || t.isOperator("{");
            default -> false;
        };
    }

    private Expr call(Expr callee) {
        in.expectOperator("(");
        List<Expr> args = new ArrayList<>();
        List<Named> kwargs = new ArrayList<>();
        while (!in.peek().isOperator(")")) {
            if (!args.isEmpty() || !kwargs.isEmpty()) {
                in.expectOperator(",");
                if (in.peek().isOperator(")")) {
                    break;
                }
            }
            if (in.peek().isOperator("*") || in.peek().isOperator("**")) {
                throw TokenCursor.error("'*args' and '**kwargs' in calls are not supported", in.peek());
            }
            if (in.peek().type() == Type.NAME && in.peekSecond().isOperator("=")) {
                String name = in.next().text();
                in.next();
                kwargs.add(new Named(name, expression(true)));
            } else {
                if (!kwargs.isEmpty()) {
                    throw TokenCursor.error("a positional argument follows a keyword argument", in.peek());
                }
                args.add(expression(true));
            }
        }
        in.next();
        return new Expr.Call(callee, args, kwargs, callee.pos());
    }
}
