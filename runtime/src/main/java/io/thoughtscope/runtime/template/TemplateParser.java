package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.Expr.Named;
import io.thoughtscope.runtime.template.Node.Target;
import io.thoughtscope.runtime.template.Token.Type;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the tokens, following Jinja's grammar and precedence (lowest first):
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
 * Unknown filters and tests are syntax errors, as in Jinja.
 */
final class TemplateParser {

    private static final int MAX_BLOCK_NESTING = 100;
    private static final int MAX_EXPRESSION_NESTING = 100;
    private static final Set<String> UNSUPPORTED_TAGS = Set.of(
            "include", "import", "from", "extends", "block", "call", "filter", "do", "autoescape", "trans");

    private final List<Token> tokens;
    private final Set<String> names = new LinkedHashSet<>();
    private int i;
    private int blockNesting;
    private int expressionNesting;
    private int loopNesting;

    private TemplateParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The parsed template and every variable name it reads. */
    record Parsed(List<Node> body, Set<String> names) {
    }

    static Parsed parse(List<Token> tokens) {
        TemplateParser parser = new TemplateParser(tokens);
        List<Node> body = parser.body(Set.of());
        return new Parsed(body, Set.copyOf(parser.names));
    }

    // ---- statements ----

    private List<Node> body(Set<String> endTags) {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.type()) {
                case EOF -> {
                    if (!endTags.isEmpty()) {
                        throw error("unexpected end of template, expected " + expected(endTags), t);
                    }
                    return nodes;
                }
                case TEXT -> {
                    next();
                    nodes.add(new Node.Text(t.text(), t.pos()));
                }
                case VARIABLE_BEGIN -> {
                    next();
                    Expr e = tuple(true, Set.of(), false);
                    expect(Type.VARIABLE_END, "'}}'");
                    nodes.add(new Node.Output(e));
                }
                case BLOCK_BEGIN -> {
                    Token name = tokens.get(i + 1);
                    if (name.type() == Type.NAME && endTags.contains(name.text())) {
                        return nodes;
                    }
                    nodes.add(statement());
                }
                default -> throw error("unexpected " + t.describe(), t);
            }
        }
    }

    private Node statement() {
        Token begin = expect(Type.BLOCK_BEGIN, "'{%'");
        Token tag = peek();
        if (tag.type() != Type.NAME) {
            throw error("expected a tag name after '{%'", tag);
        }
        next();
        if (++blockNesting > MAX_BLOCK_NESTING) {
            throw error("blocks nest more than " + MAX_BLOCK_NESTING + " deep", tag);
        }
        try {
            return switch (tag.text()) {
                case "if" -> ifStatement(tag);
                case "for" -> forStatement(tag);
                case "set" -> setStatement(tag);
                case "macro" -> macro(tag);
                case "with" -> with(tag);
                case "generation" -> {
                    endTag();
                    List<Node> body = body(Set.of("endgeneration"));
                    closeTag("endgeneration");
                    yield new Node.Block(body, tag.pos());
                }
                case "break", "continue" -> {
                    if (loopNesting == 0) {
                        throw error("'" + tag.text() + "' outside of a loop", tag);
                    }
                    endTag();
                    yield tag.text().equals("break") ? new Node.Break(tag.pos()) : new Node.Continue(tag.pos());
                }
                default -> throw error(UNSUPPORTED_TAGS.contains(tag.text())
                        ? "the '" + tag.text() + "' tag is not supported in chat templates"
                        : "unknown tag '" + tag.text() + "'", begin);
            };
        } finally {
            blockNesting--;
        }
    }

    private Node ifStatement(Token tag) {
        List<Node.Branch> branches = new ArrayList<>();
        Set<String> ends = Set.of("elif", "else", "endif");
        Expr test = expression(true);
        endTag();
        branches.add(new Node.Branch(test, body(ends)));
        while (true) {
            expect(Type.BLOCK_BEGIN, "'{%'");
            switch (next().text()) {
                case "elif" -> {
                    Expr elif = expression(true);
                    endTag();
                    branches.add(new Node.Branch(elif, body(ends)));
                }
                case "else" -> {
                    endTag();
                    List<Node> otherwise = body(Set.of("endif"));
                    closeTag("endif");
                    return new Node.If(branches, otherwise, tag.pos());
                }
                default -> {
                    endTag();
                    return new Node.If(branches, List.of(), tag.pos());
                }
            }
        }
    }

    private Node forStatement(Token tag) {
        Target target = assignTarget(false);
        expectName("in");
        Expr iterable = tuple(false, Set.of("recursive"), false);
        if (peek().isName("recursive")) {
            throw error("recursive loops are not supported", peek());
        }
        Expr filter = null;
        if (peek().isName("if")) {
            next();
            filter = expression(true);
        }
        endTag();
        loopNesting++;
        List<Node> body = body(Set.of("endfor", "else"));
        loopNesting--;
        List<Node> otherwise = List.of();
        expect(Type.BLOCK_BEGIN, "'{%'");
        if (next().text().equals("else")) {
            endTag();
            otherwise = body(Set.of("endfor"));
            closeTag("endfor");
        } else {
            endTag();
        }
        return new Node.For(target, iterable, filter, body, otherwise, tag.pos());
    }

    private Node setStatement(Token tag) {
        Target target = assignTarget(true);
        if (peek().isOperator("=")) {
            next();
            Expr value = tuple(true, Set.of(), false);
            endTag();
            return new Node.Set(target, value, tag.pos());
        }
        endTag();
        List<Node> body = body(Set.of("endset"));
        closeTag("endset");
        return new Node.SetBlock(target, body, tag.pos());
    }

    private Node macro(Token tag) {
        String name = expect(Type.NAME, "a macro name").text();
        expectOperator("(");
        List<Node.Parameter> parameters = new ArrayList<>();
        while (!peek().isOperator(")")) {
            if (!parameters.isEmpty()) {
                expectOperator(",");
                if (peek().isOperator(")")) {
                    break;
                }
            }
            String parameter = expect(Type.NAME, "a parameter name").text();
            Expr fallback = null;
            if (peek().isOperator("=")) {
                next();
                fallback = expression(true);
            } else if (parameters.stream().anyMatch(p -> p.fallback() != null)) {
                throw error("a parameter without a default follows one with a default", peek());
            }
            parameters.add(new Node.Parameter(parameter, fallback));
        }
        next();
        endTag();
        int outerLoops = loopNesting;
        loopNesting = 0;
        List<Node> body = body(Set.of("endmacro"));
        loopNesting = outerLoops;
        closeTag("endmacro");
        return new Node.Macro(name, parameters, body, tag.pos());
    }

    private Node with(Token tag) {
        List<Target> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (peek().type() != Type.BLOCK_END) {
            if (!targets.isEmpty()) {
                expectOperator(",");
            }
            targets.add(assignTarget(false));
            expectOperator("=");
            values.add(expression(true));
        }
        endTag();
        List<Node> body = body(Set.of("endwith"));
        closeTag("endwith");
        return new Node.With(targets, values, body, tag.pos());
    }

    /** A name, several names to unpack, or (for set) {@code namespace.attribute}. */
    private Target assignTarget(boolean allowNamespace) {
        Token first = peek();
        List<Target> targets = new ArrayList<>();
        boolean unpack = false;
        while (true) {
            Token name = expect(Type.NAME, "a variable name");
            if (allowNamespace && peek().isOperator(".")) {
                next();
                String attribute = expect(Type.NAME, "an attribute name").text();
                targets.add(new Target.NamespaceAttribute(name.text(), attribute, name.pos()));
            } else {
                targets.add(new Target.Variable(name.text()));
            }
            if (!peek().isOperator(",")) {
                break;
            }
            next();
            unpack = true;
            if (peek().type() != Type.NAME || peek().isName("in")) {
                break;
            }
        }
        return unpack ? new Target.Unpack(targets, first.pos()) : targets.getFirst();
    }

    private void closeTag(String name) {
        expect(Type.BLOCK_BEGIN, "'{%'");
        expectName(name);
        endTag();
    }

    private void endTag() {
        expect(Type.BLOCK_END, "'%}'");
    }

    // ---- expressions ----

    /**
     * Comma-separated expressions: one gives itself, several (or a trailing comma) a tuple.
     *
     * @param conditional whether {@code x if y else z} is allowed (not in a for loop's iterable)
     */
    private Expr tuple(boolean conditional, Set<String> extraEnds, boolean explicitParentheses) {
        SourcePos pos = peek().pos();
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                expectOperator(",");
            }
            if (isTupleEnd(extraEnds)) {
                break;
            }
            items.add(expression(conditional));
            if (peek().isOperator(",")) {
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
                throw error("expected an expression, got " + peek().describe(), peek());
            }
        }
        return new Expr.TupleLiteral(items, pos);
    }

    private boolean isTupleEnd(Set<String> extraEnds) {
        Token t = peek();
        return t.type() == Type.VARIABLE_END || t.type() == Type.BLOCK_END || t.isOperator(")")
                || (t.type() == Type.NAME && extraEnds.contains(t.text()));
    }

    private Expr expression(boolean conditional) {
        if (++expressionNesting > MAX_EXPRESSION_NESTING) {
            throw error("expression nests more than " + MAX_EXPRESSION_NESTING + " deep", peek());
        }
        try {
            return conditional ? conditional() : or();
        } finally {
            expressionNesting--;
        }
    }

    private Expr conditional() {
        Expr e = or();
        while (peek().isName("if")) {
            SourcePos pos = next().pos();
            Expr test = or();
            Expr otherwise = null;
            if (peek().isName("else")) {
                next();
                otherwise = conditional();
            }
            e = new Expr.Conditional(test, e, otherwise, pos);
        }
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (peek().isName("or")) {
            SourcePos pos = next().pos();
            e = new Expr.Logical(false, e, and(), pos);
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (peek().isName("and")) {
            SourcePos pos = next().pos();
            e = new Expr.Logical(true, e, not(), pos);
        }
        return e;
    }

    private Expr not() {
        if (peek().isName("not")) {
            SourcePos pos = next().pos();
            return new Expr.Unary("not", nested(this::not), pos);
        }
        return compare();
    }

    private Expr compare() {
        Expr first = add();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.type() == Type.OPERATOR && Set.of("==", "!=", "<", ">", "<=", ">=").contains(t.text())) {
                next();
                ops.add(t.text());
            } else if (t.isName("in")) {
                next();
                ops.add("in");
            } else if (t.isName("not") && tokens.get(i + 1).isName("in")) {
                next();
                next();
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
        while (peek().isOperator("+") || peek().isOperator("-")) {
            Token op = next();
            e = new Expr.Binary(op.text(), e, concat(), op.pos());
        }
        return e;
    }

    private Expr concat() {
        Expr e = multiply();
        while (peek().isOperator("~")) {
            Token op = next();
            e = new Expr.Binary("~", e, multiply(), op.pos());
        }
        return e;
    }

    private Expr multiply() {
        Expr e = power();
        while (peek().isOperator("*") || peek().isOperator("/") || peek().isOperator("//") || peek().isOperator("%")) {
            Token op = next();
            e = new Expr.Binary(op.text(), e, power(), op.pos());
        }
        return e;
    }

    private Expr power() {
        Expr e = unary(true);
        while (peek().isOperator("**")) {
            Token op = next();
            e = new Expr.Binary("**", e, unary(true), op.pos());
        }
        return e;
    }

    private Expr unary(boolean withFilter) {
        Token t = peek();
        Expr e;
        if (t.isOperator("-") || t.isOperator("+")) {
            next();
            e = new Expr.Unary(t.text(), nested(() -> unary(false)), t.pos());
        } else {
            e = primary();
        }
        e = postfix(e);
        return withFilter ? filters(e) : e;
    }

    private Expr nested(java.util.function.Supplier<Expr> inner) {
        if (++expressionNesting > MAX_EXPRESSION_NESTING) {
            throw error("expression nests more than " + MAX_EXPRESSION_NESTING + " deep", peek());
        }
        try {
            return inner.get();
        } finally {
            expressionNesting--;
        }
    }

    private Expr primary() {
        Token t = next();
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
                while (peek().type() == Type.STRING) {
                    s.append(next().text());
                }
                yield new Expr.Literal(s.toString(), t.pos());
            }
            case INTEGER, FLOAT -> new Expr.Literal(t.value(), t.pos());
            case OPERATOR -> switch (t.text()) {
                case "(" -> {
                    Expr e = tuple(true, Set.of(), true);
                    expectOperator(")");
                    yield e;
                }
                case "[" -> new Expr.ListLiteral(items("]"), t.pos());
                case "{" -> dict(t);
                default -> throw error("expected an expression, got " + t.describe(), t);
            };
            default -> throw error("expected an expression, got " + t.describe(), t);
        };
    }

    private List<Expr> items(String close) {
        List<Expr> items = new ArrayList<>();
        while (!peek().isOperator(close)) {
            if (!items.isEmpty()) {
                expectOperator(",");
                if (peek().isOperator(close)) {
                    break;
                }
            }
            items.add(expression(true));
        }
        next();
        return items;
    }

    private Expr dict(Token open) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!peek().isOperator("}")) {
            if (!keys.isEmpty()) {
                expectOperator(",");
                if (peek().isOperator("}")) {
                    break;
                }
            }
            keys.add(expression(true));
            expectOperator(":");
            values.add(expression(true));
        }
        next();
        return new Expr.DictLiteral(keys, values, open.pos());
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.isOperator(".")) {
                next();
                Token name = next();
                if (name.type() == Type.NAME) {
                    e = new Expr.Attribute(e, name.text(), name.pos());
                } else if (name.type() == Type.INTEGER) {
                    e = new Expr.Item(e, new Expr.Literal(name.value(), name.pos()), name.pos());
                } else {
                    throw error("expected an attribute name after '.'", name);
                }
            } else if (t.isOperator("[")) {
                next();
                List<Expr> indices = new ArrayList<>();
                while (!peek().isOperator("]")) {
                    if (!indices.isEmpty()) {
                        expectOperator(",");
                    }
                    indices.add(subscript());
                }
                next();
                if (indices.isEmpty()) {
                    throw error("expected an index inside '[]'", t);
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
        SourcePos pos = peek().pos();
        Expr start = null;
        if (!peek().isOperator(":")) {
            start = expression(true);
            if (!peek().isOperator(":")) {
                return start;
            }
        }
        next();
        Expr stop = null;
        if (!peek().isOperator(":") && !peek().isOperator("]") && !peek().isOperator(",")) {
            stop = expression(true);
        }
        Expr step = null;
        if (peek().isOperator(":")) {
            next();
            if (!peek().isOperator("]") && !peek().isOperator(",")) {
                step = expression(true);
            }
        }
        return new Expr.Slice(start, stop, step, pos);
    }

    private Expr filters(Expr e) {
        while (true) {
            Token t = peek();
            if (t.isOperator("|")) {
                next();
                Token name = expect(Type.NAME, "a filter name");
                if (!BuiltinFilters.has(name.text())) {
                    throw error("no filter named '" + name.text() + "'", name);
                }
                List<Expr> args = List.of();
                List<Named> kwargs = List.of();
                if (peek().isOperator("(")) {
                    Expr.Call call = (Expr.Call) call(e);
                    args = call.args();
                    kwargs = call.kwargs();
                }
                e = new Expr.Filter(e, name.text(), args, kwargs, name.pos());
            } else if (t.isName("is")) {
                next();
                boolean negated = false;
                if (peek().isName("not")) {
                    next();
                    negated = true;
                }
                Token name = expect(Type.NAME, "a test name");
                if (!BuiltinTests.has(name.text())) {
                    throw error("no test named '" + name.text() + "'", name);
                }
                List<Expr> args = List.of();
                List<Named> kwargs = List.of();
                Token after = peek();
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
        expectOperator("(");
        List<Expr> args = new ArrayList<>();
        List<Named> kwargs = new ArrayList<>();
        while (!peek().isOperator(")")) {
            if (!args.isEmpty() || !kwargs.isEmpty()) {
                expectOperator(",");
                if (peek().isOperator(")")) {
                    break;
                }
            }
            if (peek().isOperator("*") || peek().isOperator("**")) {
                throw error("'*args' and '**kwargs' in calls are not supported", peek());
            }
            if (peek().type() == Type.NAME && tokens.get(i + 1).isOperator("=")) {
                String name = next().text();
                next();
                kwargs.add(new Named(name, expression(true)));
            } else {
                if (!kwargs.isEmpty()) {
                    throw error("a positional argument follows a keyword argument", peek());
                }
                args.add(expression(true));
            }
        }
        next();
        return new Expr.Call(callee, args, kwargs, callee.pos());
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.type() != Type.EOF) {
            i++;
        }
        return t;
    }

    private Token expect(Type type, String what) {
        Token t = peek();
        if (t.type() != type) {
            throw error("expected " + what + ", got " + t.describe(), t);
        }
        return next();
    }

    private Token expectOperator(String op) {
        Token t = peek();
        if (!t.isOperator(op)) {
            throw error("expected '" + op + "', got " + t.describe(), t);
        }
        return next();
    }

    private void expectName(String name) {
        Token t = peek();
        if (!t.isName(name)) {
            throw error("expected '" + name + "', got " + t.describe(), t);
        }
        next();
    }

    private static String expected(Set<String> endTags) {
        return endTags.stream().sorted().map(s -> "'" + s + "'").reduce((a, b) -> a + " or " + b).orElse("");
    }

    private static TemplateException error(String reason, Token at) {
        return new TemplateException(TemplateException.Kind.SYNTAX, reason, at.pos());
    }
}
