package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.Node.Target;
import io.thoughtscope.runtime.template.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the statements of a template (text, outputs and tags: if, for, set, macro, with,
 * break, continue, Hugging Face's generation) into {@link Node}s; expressions go to
 * {@link ExpressionParser}.
 */
final class TemplateParser {

    private static final int MAX_BLOCK_NESTING = 100;
    private static final Set<String> UNSUPPORTED_TAGS = Set.of(
            "include", "import", "from", "extends", "block", "call", "filter", "do", "autoescape", "trans");

    private final TokenCursor in;
    private final ExpressionParser expressions;
    private int blockNesting;
    private int loopNesting;

    private TemplateParser(List<Token> tokens) {
        this.in = new TokenCursor(tokens);
        this.expressions = new ExpressionParser(in);
    }

    /** The parsed template and every variable name it reads. */
    record Parsed(List<Node> body, Set<String> names) {
    }

    static Parsed parse(List<Token> tokens) {
        TemplateParser parser = new TemplateParser(tokens);
        List<Node> body = parser.body(Set.of());
        return new Parsed(body, Set.copyOf(parser.expressions.names()));
    }

    private List<Node> body(Set<String> endTags) {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token t = in.peek();
            switch (t.type()) {
                case EOF -> {
                    if (!endTags.isEmpty()) {
                        throw TokenCursor.error("unexpected end of template, expected " + expected(endTags), t);
                    }
                    return nodes;
                }
                case TEXT -> {
                    in.next();
                    nodes.add(new Node.Text(t.text(), t.pos()));
                }
                case VARIABLE_BEGIN -> {
                    in.next();
                    Expr e = expressions.tuple(true, Set.of(), false);
                    in.expect(Type.VARIABLE_END, "'}}'");
                    nodes.add(new Node.Output(e));
                }
                case BLOCK_BEGIN -> {
                    Token name = in.peekSecond();
                    if (name.type() == Type.NAME && endTags.contains(name.text())) {
                        return nodes;
                    }
                    nodes.add(statement());
                }
                default -> throw TokenCursor.error("unexpected " + t.describe(), t);
            }
        }
    }

    private Node statement() {
        Token begin = in.expect(Type.BLOCK_BEGIN, "'{%'");
        Token tag = in.peek();
        if (tag.type() != Type.NAME) {
            throw TokenCursor.error("expected a tag name after '{%'", tag);
        }
        in.next();
        if (++blockNesting > MAX_BLOCK_NESTING) {
            throw TokenCursor.error("blocks nest more than " + MAX_BLOCK_NESTING + " deep", tag);
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
                        throw TokenCursor.error("'" + tag.text() + "' outside of a loop", tag);
                    }
                    endTag();
                    yield tag.text().equals("break") ? new Node.Break(tag.pos()) : new Node.Continue(tag.pos());
                }
                default -> throw TokenCursor.error(UNSUPPORTED_TAGS.contains(tag.text())
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
        Expr test = expressions.expression(true);
        endTag();
        branches.add(new Node.Branch(test, body(ends)));
        while (true) {
            in.expect(Type.BLOCK_BEGIN, "'{%'");
            switch (in.next().text()) {
                case "elif" -> {
                    Expr elif = expressions.expression(true);
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
        in.expectName("in");
        Expr iterable = expressions.tuple(false, Set.of("recursive"), false);
        if (in.peek().isName("recursive")) {
            throw TokenCursor.error("recursive loops are not supported", in.peek());
        }
        Expr filter = null;
        if (in.peek().isName("if")) {
            in.next();
            filter = expressions.expression(true);
        }
        endTag();
        loopNesting++;
        List<Node> body = body(Set.of("endfor", "else"));
        loopNesting--;
        List<Node> otherwise = List.of();
        in.expect(Type.BLOCK_BEGIN, "'{%'");
        if (in.next().text().equals("else")) {
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
        if (in.peek().isOperator("=")) {
            in.next();
            Expr value = expressions.tuple(true, Set.of(), false);
            endTag();
            return new Node.Set(target, value, tag.pos());
        }
        endTag();
        List<Node> body = body(Set.of("endset"));
        closeTag("endset");
        return new Node.SetBlock(target, body, tag.pos());
    }

    private Node macro(Token tag) {
        String name = in.expect(Type.NAME, "a macro name").text();
        in.expectOperator("(");
        List<Node.Parameter> parameters = new ArrayList<>();
        while (!in.peek().isOperator(")")) {
            if (!parameters.isEmpty()) {
                in.expectOperator(",");
                if (in.peek().isOperator(")")) {
                    break;
                }
            }
            String parameter = in.expect(Type.NAME, "a parameter name").text();
            Expr fallback = null;
            if (in.peek().isOperator("=")) {
                in.next();
                fallback = expressions.expression(true);
            } else if (parameters.stream().anyMatch(p -> p.fallback() != null)) {
                throw TokenCursor.error("a parameter without a default follows one with a default", in.peek());
            }
            parameters.add(new Node.Parameter(parameter, fallback));
        }
        in.next();
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
        while (in.peek().type() != Type.BLOCK_END) {
            if (!targets.isEmpty()) {
                in.expectOperator(",");
            }
            targets.add(assignTarget(false));
            in.expectOperator("=");
            values.add(expressions.expression(true));
        }
        endTag();
        List<Node> body = body(Set.of("endwith"));
        closeTag("endwith");
        return new Node.With(targets, values, body, tag.pos());
    }

    /** A name, several names to unpack, or (for set) {@code namespace.attribute}. */
    private Target assignTarget(boolean allowNamespace) {
        Token first = in.peek();
        List<Target> targets = new ArrayList<>();
        boolean unpack = false;
        while (true) {
            Token name = in.expect(Type.NAME, "a variable name");
            if (allowNamespace && in.peek().isOperator(".")) {
                in.next();
                String attribute = in.expect(Type.NAME, "an attribute name").text();
                targets.add(new Target.NamespaceAttribute(name.text(), attribute, name.pos()));
            } else {
                targets.add(new Target.Variable(name.text()));
            }
            if (!in.peek().isOperator(",")) {
                break;
            }
            in.next();
            unpack = true;
            if (in.peek().type() != Type.NAME || in.peek().isName("in")) {
                break;
            }
        }
        return unpack ? new Target.Unpack(targets, first.pos()) : targets.getFirst();
    }

    private void closeTag(String name) {
        in.expect(Type.BLOCK_BEGIN, "'{%'");
        in.expectName(name);
        endTag();
    }

    private void endTag() {
        in.expect(Type.BLOCK_END, "'%}'");
    }

    private static String expected(Set<String> endTags) {
        return endTags.stream().sorted().map(s -> "'" + s + "'").reduce((a, b) -> a + " or " + b).orElse("");
    }
}
