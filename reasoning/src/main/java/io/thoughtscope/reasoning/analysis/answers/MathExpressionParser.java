package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.analysis.answers.MathNode.Binary;
import io.thoughtscope.reasoning.analysis.answers.MathNode.Call;
import io.thoughtscope.reasoning.analysis.answers.MathNode.Constant;
import io.thoughtscope.reasoning.analysis.answers.MathNode.Factorial;
import io.thoughtscope.reasoning.analysis.answers.MathNode.MathFunction;
import io.thoughtscope.reasoning.analysis.answers.MathNode.Negation;
import io.thoughtscope.reasoning.analysis.answers.MathNode.Operator;
import io.thoughtscope.reasoning.analysis.answers.MathNode.Variable;

import java.util.Map;
import java.util.Set;

import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isAsciiLetter;
import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isDigit;

/**
 * Recursive descent over LaTeX-ish math.
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := signed (('*' | '/' | \cdot | \times | \div) signed | implicit-factor)*
 * signed     := ('-' | '+') signed | power
 * power      := postfix ('^' exponent)?           right associative
 * postfix    := primary '!'*
 * primary    := number | (expr) | {expr} | [expr] | |expr| | \command ... | letter | known word
 * </pre>
 *
 * An implicit factor ({@code 2x}, {@code 3\pi}, {@code 2(x+1)}) never starts with a digit, so
 * {@code 1.2.3} or {@code 2 3} are rejected instead of multiplied.
 */
final class MathExpressionParser {

    /** Thrown without a stack trace: failing is an ordinary outcome here. */
    static final class InvalidExpression extends Exception {
        InvalidExpression(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 200;

    private static final Map<String, MathFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", MathFunction.SIN), Map.entry("cos", MathFunction.COS),
            Map.entry("tan", MathFunction.TAN), Map.entry("cot", MathFunction.COT),
            Map.entry("sec", MathFunction.SEC), Map.entry("csc", MathFunction.CSC),
            Map.entry("arcsin", MathFunction.ARCSIN), Map.entry("arccos", MathFunction.ARCCOS),
            Map.entry("arctan", MathFunction.ARCTAN), Map.entry("sinh", MathFunction.SINH),
            Map.entry("cosh", MathFunction.COSH), Map.entry("tanh", MathFunction.TANH),
            Map.entry("ln", MathFunction.LN), Map.entry("exp", MathFunction.EXP));

    /** Plain words that stand for a command ({@code sqrt(2)}, {@code pi}); other words never parse. */
    private static final Set<String> WORDS = Set.of("pi", "sqrt", "log", "inf", "infinity");

    private static final MathNode PI = new Constant(Math.PI);
    private static final MathNode E = new Constant(Math.E);

    private final String s;
    private final int n;
    private int pos;
    private int depth;
    private long variables;
    private boolean approximate;
    private boolean infinity;

    MathExpressionParser(String text) {
        this.s = text;
        this.n = text.length();
    }

    MathExpression parse() throws InvalidExpression {
        MathNode root = expression();
        skipSpace();
        if (pos != n) {
            throw fail("unexpected '" + s.charAt(pos) + "'");
        }
        return new MathExpression(root, variables, approximate, infinity);
    }

    private MathNode expression() throws InvalidExpression {
        enter();
        MathNode left = term();
        while (true) {
            skipSpace();
            if (pos >= n) {
                break;
            }
            char c = s.charAt(pos);
            if (c == '+') {
                pos++;
                left = new Binary(Operator.ADD, left, term());
            } else if (c == '-') {
                pos++;
                left = new Binary(Operator.SUBTRACT, left, term());
            } else {
                break;
            }
        }
        depth--;
        return left;
    }

    private MathNode term() throws InvalidExpression {
        MathNode left = signed();
        while (true) {
            skipSpace();
            if (pos >= n) {
                return left;
            }
            char c = s.charAt(pos);
            if (c == '*') {
                pos++;
                left = new Binary(Operator.MULTIPLY, left, signed());
            } else if (c == '/') {
                pos++;
                left = new Binary(Operator.DIVIDE, left, signed());
            } else if (c == '\\') {
                String name = commandName(pos);
                switch (name) {
                    case "cdot", "times", "ast" -> {
                        pos += 1 + name.length();
                        left = new Binary(Operator.MULTIPLY, left, signed());
                    }
                    case "div" -> {
                        pos += 1 + name.length();
                        left = new Binary(Operator.DIVIDE, left, signed());
                    }
                    default -> {
                        if (!isValueCommand(name)) {
                            return left;
                        }
                        left = new Binary(Operator.MULTIPLY, left, power());
                    }
                }
            } else if (c == '(' || c == '{' || c == 'π' || isAsciiLetter(c)) {
                left = new Binary(Operator.MULTIPLY, left, power());
            } else {
                return left;
            }
        }
    }

    private MathNode signed() throws InvalidExpression {
        skipSpace();
        if (pos < n && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            boolean minus = s.charAt(pos) == '-';
            pos++;
            enter();
            MathNode operand = signed();
            depth--;
            return minus ? new Negation(operand) : operand;
        }
        return power();
    }

    private MathNode power() throws InvalidExpression {
        MathNode base = postfix();
        skipSpace();
        if (pos < n && s.charAt(pos) == '^') {
            pos++;
            return new Binary(Operator.POWER, base, exponent());
        }
        return base;
    }

    /** An exponent: a signed power, so {@code 2^-1} and {@code 2^3^2 = 2^9} work. */
    private MathNode exponent() throws InvalidExpression {
        skipSpace();
        if (pos < n && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            boolean minus = s.charAt(pos) == '-';
            pos++;
            enter();
            MathNode operand = exponent();
            depth--;
            return minus ? new Negation(operand) : operand;
        }
        return power();
    }

    private MathNode postfix() throws InvalidExpression {
        MathNode node = primary();
        while (pos < n && s.charAt(pos) == '!' && !(pos + 1 < n && s.charAt(pos + 1) == '=')) {
            pos++;
            node = new Factorial(node);
        }
        return node;
    }

    private MathNode primary() throws InvalidExpression {
        skipSpace();
        if (pos >= n) {
            throw fail("unexpected end");
        }
        char c = s.charAt(pos);
        if (isDigit(c) || c == '.') {
            return number();
        }
        return switch (c) {
            case '(' -> group(')');
            case '{' -> group('}');
            case '[' -> group(']');
            case '|' -> new Call(MathFunction.ABS, group('|'));
            case 'π' -> {
                pos++;
                yield PI;
            }
            case '\\' -> command();
            default -> {
                if (!isAsciiLetter(c)) {
                    throw fail("unexpected '" + c + "'");
                }
                yield word();
            }
        };
    }

    private MathNode group(char close) throws InvalidExpression {
        pos++;
        MathNode inner = expression();
        expect(close);
        return inner;
    }

    private MathNode number() throws InvalidExpression {
        int start = pos;
        boolean whole = true;
        while (pos < n && isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos < n && s.charAt(pos) == '.' && pos + 1 < n && isDigit(s.charAt(pos + 1))) {
            whole = false;
            pos++;
            while (pos < n && isDigit(s.charAt(pos))) {
                pos++;
            }
        }
        if (pos == start || s.charAt(pos - 1) == '.') {
            throw fail("bad number");
        }
        if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            if (p < n && isDigit(s.charAt(p))) {
                whole = false;
                pos = p;
                while (pos < n && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
        }
        double value = Double.parseDouble(s.substring(start, pos));
        if (!whole) {
            approximate = true;
            return new Constant(value);
        }
        return new Constant(value + mixedFraction());
    }

    /**
     * A mixed number {@code 2\frac{1}{2}} means 2 + 1/2: a whole number directly followed by a
     * fraction of whole numbers. Returns the fraction, or 0 when none follows.
     */
    private double mixedFraction() {
        if (!s.startsWith("\\frac{", pos)) {
            return 0;
        }
        int p = pos + 6;
        int numStart = p;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        if (p == numStart || !s.startsWith("}{", p)) {
            return 0;
        }
        int num = p;
        p += 2;
        int denStart = p;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        if (p == denStart || p >= n || s.charAt(p) != '}' || p - denStart > 15 || num - numStart > 15) {
            return 0;
        }
        double numerator = Double.parseDouble(s.substring(numStart, num));
        double denominator = Double.parseDouble(s.substring(denStart, p));
        if (denominator == 0) {
            return 0;
        }
        pos = p + 1;
        return numerator / denominator;
    }

    private MathNode command() throws InvalidExpression {
        String name = commandName(pos);
        if (name.isEmpty()) {
            throw fail("unexpected escape");
        }
        pos += 1 + name.length();
        return named(name);
    }

    /** A command or a known word, its name already consumed. */
    private MathNode named(String name) throws InvalidExpression {
        switch (name) {
            case "frac", "dfrac", "tfrac", "cfrac" -> {
                MathNode numerator = argument();
                MathNode denominator = argument();
                return new Binary(Operator.DIVIDE, numerator, denominator);
            }
            case "binom", "dbinom", "tbinom" -> {
                MathNode top = argument();
                MathNode bottom = argument();
                return new Binary(Operator.BINOMIAL, top, bottom);
            }
            case "sqrt" -> {
                skipSpace();
                if (pos < n && s.charAt(pos) == '[') {
                    MathNode degree = group(']');
                    return new Binary(Operator.ROOT, degree, argument());
                }
                return new Call(MathFunction.SQRT, argument());
            }
            case "pi" -> {
                return PI;
            }
            case "infty", "infin", "infinity", "inf" -> {
                infinity = true;
                return new Constant(Double.POSITIVE_INFINITY);
            }
            case "log" -> {
                skipSpace();
                if (pos < n && s.charAt(pos) == '_') {
                    pos++;
                    MathNode base = argument();
                    return new Binary(Operator.LOG, base, functionArgument());
                }
                return new Call(MathFunction.LOG10, functionArgument());
            }
            default -> {
                MathFunction f = FUNCTIONS.get(name);
                if (f == null) {
                    throw fail("unknown command \\" + name);
                }
                skipSpace();
                if (pos < n && s.charAt(pos) == '^') { // \sin^2 x
                    pos++;
                    MathNode power = exponent();
                    return new Binary(Operator.POWER, new Call(f, functionArgument()), power);
                }
                return new Call(f, functionArgument());
            }
        }
    }

    /** A LaTeX argument: a braced group, or a single digit, letter or command. */
    private MathNode argument() throws InvalidExpression {
        skipSpace();
        if (pos >= n) {
            throw fail("missing argument");
        }
        char c = s.charAt(pos);
        if (c == '{') {
            return group('}');
        }
        if (c == '(') {
            return group(')');
        }
        if (isDigit(c)) {
            pos++;
            return new Constant(c - '0');
        }
        if (isAsciiLetter(c)) {
            pos++;
            return letter(c);
        }
        if (c == '\\') {
            return command();
        }
        throw fail("bad argument");
    }

    /** A function's argument: a group, or one power ({@code \sin x}, {@code \ln 2}). */
    private MathNode functionArgument() throws InvalidExpression {
        skipSpace();
        if (pos < n && (s.charAt(pos) == '(' || s.charAt(pos) == '{' || s.charAt(pos) == '[')) {
            return primary();
        }
        return power();
    }

    private MathNode word() throws InvalidExpression {
        int len = LatexBraces.letterRun(s, pos);
        if (len == 1) {
            return letter(s.charAt(pos++));
        }
        String name = s.substring(pos, pos + len);
        if (!FUNCTIONS.containsKey(name) && !WORDS.contains(name)) {
            throw fail("unknown word " + name);
        }
        pos += len;
        return named(name);
    }

    private MathNode letter(char c) {
        if (c == 'e') {
            return E;
        }
        int index = MathExpression.letterIndex(c);
        variables |= 1L << index;
        return new Variable(index);
    }

    private static boolean isValueCommand(String name) {
        return switch (name) {
            case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "pi",
                 "infty", "log" -> true;
            default -> FUNCTIONS.containsKey(name);
        };
    }

    /** The letters after the backslash at {@code at}; empty for an escaped symbol. */
    private String commandName(int at) {
        int len = LatexBraces.letterRun(s, at + 1);
        return s.substring(at + 1, at + 1 + len);
    }

    /** Skips whitespace and LaTeX spacing commands. */
    private void skipSpace() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < n && ",;:! ".indexOf(s.charAt(pos + 1)) >= 0) {
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void expect(char c) throws InvalidExpression {
        skipSpace();
        if (pos >= n || s.charAt(pos) != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void enter() throws InvalidExpression {
        if (++depth > MAX_DEPTH) {
            throw fail("nested too deeply");
        }
    }

    private InvalidExpression fail(String why) {
        return new InvalidExpression(why + " at " + pos);
    }
}
