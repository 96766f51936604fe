package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.Token.Type;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Splits template source into tokens, applying whitespace control as Hugging Face configures
 * Jinja: {@code trim_blocks} (the newline after a block or comment tag goes), {@code lstrip_blocks}
 * (spaces before a block or comment tag that starts a line go), {@code -} markers (all whitespace
 * on that side goes), {@code +} markers (neither rule applies), and one trailing newline of the
 * source dropped.
 */
final class TemplateLexer {

    private static final String[] OPERATORS_2 = {"//", "**", "==", "!=", "<=", ">="};
    private static final String OPERATORS_1 = "+-/*%~[](){}<>=.:|,;";

    private final String src;
    private final int n;
    private final int[] lineStarts;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private TemplateLexer(String source) {
        this.src = source;
        this.n = source.length();
        this.lineStarts = lineStarts(source);
    }

    static List<Token> tokenize(String source) {
        return new TemplateLexer(normalize(source)).run();
    }

    /** Jinja reads every newline as {@code \n} and, without keep_trailing_newline, drops the last one. */
    static String normalize(String source) {
        String s = source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private List<Token> run() {
        while (pos < n) {
            int start = nextTagStart(pos);
            if (start < 0) {
                text(src.substring(pos), pos);
                pos = n;
                break;
            }
            char kind = src.charAt(start + 1);
            char sign = start + 2 < n ? src.charAt(start + 2) : 0;
            int rawEnd = kind == '%' ? rawBeginEnd(start) : -1;
            text(controlled(src.substring(pos, start), pos, kind, sign), pos);
            int bodyStart = start + 2 + (sign == '-' || sign == '+' ? 1 : 0);
            switch (kind) {
                case '#' -> comment(start, bodyStart);
                case '{' -> tag(start, bodyStart, false);
                default -> {
                    if (rawEnd >= 0) {
                        raw(start, rawEnd);
                    } else {
                        tag(start, bodyStart, true);
                    }
                }
            }
        }
        tokens.add(new Token(Type.EOF, "", at(n)));
        return tokens;
    }

    /** Text before a tag, after the tag's whitespace control on its left. */
    private String controlled(String text, int textStart, char kind, char sign) {
        if (sign == '-') {
            return PythonStrings.strip(text, null, false, true);
        }
        if (sign == '+' || kind == '{') {
            return text;
        }
        int lineStart = text.lastIndexOf('\n') + 1;
        boolean lineStarting = textStart == 0 || src.charAt(textStart - 1) == '\n';
        if ((lineStart > 0 || lineStarting) && lineStart < text.length() && isBlank(text, lineStart)) {
            return text.substring(0, lineStart);
        }
        return text;
    }

    private void text(String text, int at) {
        if (!text.isEmpty()) {
            tokens.add(new Token(Type.TEXT, text, at(at)));
        }
    }

    private int nextTagStart(int from) {
        int i = src.indexOf('{', from);
        while (i >= 0 && i + 1 < n) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i = src.indexOf('{', i + 1);
        }
        return -1;
    }

    private void comment(int start, int bodyStart) {
        int end = src.indexOf("#}", bodyStart);
        if (end < 0) {
            throw error("missing end of comment tag '#}'", start);
        }
        char sign = end - 1 >= bodyStart ? src.charAt(end - 1) : 0;
        pos = afterTag(end + 2, sign, true);
    }

    /** Position after a closing tag, applying its whitespace control on the right. */
    private int afterTag(int p, char sign, boolean trimBlocks) {
        if (sign == '-') {
            while (p < n && PythonStrings.isSpace(src.charAt(p))) {
                p++;
            }
        } else if (sign != '+' && trimBlocks && p < n && src.charAt(p) == '\n') {
            p++;
        }
        return p;
    }

    /** End of a {@code {% raw %}} opening tag starting at {@code start}, or -1 when it is another tag. */
    private int rawBeginEnd(int start) {
        int p = start + 2;
        if (p < n && (src.charAt(p) == '-' || src.charAt(p) == '+')) {
            p++;
        }
        p = skipSpace(p);
        if (!src.startsWith("raw", p)) {
            return -1;
        }
        p = skipSpace(p + 3);
        if (src.startsWith("-%}", p)) {
            return afterTag(p + 3, '-', false);
        }
        return src.startsWith("%}", p) ? p + 2 : -1;
    }

    private void raw(int start, int contentStart) {
        int p = contentStart;
        while (true) {
            int tag = src.indexOf("{%", p);
            if (tag < 0) {
                throw error("missing '{% endraw %}' for this raw block", start);
            }
            int q = tag + 2;
            char sign = q < n && (src.charAt(q) == '-' || src.charAt(q) == '+') ? src.charAt(q++) : 0;
            q = skipSpace(q);
            if (src.startsWith("endraw", q)) {
                q = skipSpace(q + 6);
                char endSign = 0;
                if (q < n && (src.charAt(q) == '-' || src.charAt(q) == '+')) {
                    endSign = src.charAt(q++);
                }
                if (src.startsWith("%}", q)) {
                    String content = controlled(src.substring(contentStart, tag), contentStart, '%', sign);
                    text(content, contentStart);
                    pos = afterTag(q + 2, endSign, true);
                    return;
                }
            }
            p = tag + 2;
        }
    }

    /** The tokens of one {@code {{ ... }}} or {@code {% ... %}} tag. */
    private void tag(int start, int bodyStart, boolean block) {
        tokens.add(new Token(block ? Type.BLOCK_BEGIN : Type.VARIABLE_BEGIN, block ? "{%" : "{{", at(start)));
        Deque<Character> brackets = new ArrayDeque<>();
        int p = bodyStart;
        while (true) {
            if (p >= n) {
                throw error("missing end of tag '" + (block ? "%}" : "}}") + "'", start);
            }
            if (brackets.isEmpty()) {
                int end = tagEnd(p, block);
                if (end >= 0) {
                    char sign = src.charAt(p) == '-' || src.charAt(p) == '+' ? src.charAt(p) : 0;
                    tokens.add(new Token(block ? Type.BLOCK_END : Type.VARIABLE_END, block ? "%}" : "}}", at(p)));
                    pos = afterTag(end, sign, block);
                    return;
                }
            }
            char c = src.charAt(p);
            if (PythonStrings.isSpace(c)) {
                p++;
            } else if (c >= '0' && c <= '9') {
                p = number(p);
            } else if (c == '_' || Character.isLetter(c)) {
                int e = p + 1;
                while (e < n && (src.charAt(e) == '_' || Character.isLetterOrDigit(src.charAt(e)))) {
                    e++;
                }
                tokens.add(new Token(Type.NAME, src.substring(p, e), at(p)));
                p = e;
            } else if (c == '\'' || c == '"') {
                p = string(p);
            } else {
                p = operator(p, brackets);
            }
        }
    }

    /** Where a closing tag at {@code p} ends, or -1 when there is none. */
    private int tagEnd(int p, boolean block) {
        String close = block ? "%}" : "}}";
        if (src.startsWith(close, p)) {
            return p + 2;
        }
        char c = src.charAt(p);
        if ((c == '-' || (block && c == '+')) && src.startsWith(close, p + 1)) {
            return p + 3;
        }
        return -1;
    }

    private int operator(int p, Deque<Character> brackets) {
        for (String op : OPERATORS_2) {
            if (src.startsWith(op, p)) {
                tokens.add(new Token(Type.OPERATOR, op, at(p)));
                return p + 2;
            }
        }
        char c = src.charAt(p);
        if (OPERATORS_1.indexOf(c) < 0) {
            throw error("unexpected character '" + c + "'", p);
        }
        switch (c) {
            case '(' -> brackets.push(')');
            case '[' -> brackets.push(']');
            case '{' -> brackets.push('}');
            case ')', ']', '}' -> {
                if (brackets.isEmpty() || brackets.pop() != c) {
                    throw error("unexpected '" + c + "'", p);
                }
            }
            default -> { }
        }
        tokens.add(new Token(Type.OPERATOR, String.valueOf(c), at(p)));
        return p + 1;
    }

    private int number(int p) {
        boolean afterDot = !tokens.isEmpty() && tokens.getLast().isOperator(".");
        if (src.charAt(p) == '0' && p + 1 < n && "xXoObB".indexOf(src.charAt(p + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(src.charAt(p + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            int e = p + 2;
            while (e < n && (src.charAt(e) == '_' || Character.digit(src.charAt(e), radix) >= 0)) {
                e++;
            }
            return integer(src.substring(p + 2, e), radix, p, e);
        }
        int e = digits(p);
        boolean isFloat = false;
        if (!afterDot && e + 1 < n && src.charAt(e) == '.' && isDigit(e + 1)) {
            e = digits(e + 1);
            isFloat = true;
        }
        if (!afterDot && e < n && (src.charAt(e) == 'e' || src.charAt(e) == 'E')) {
            int x = e + 1;
            if (x < n && (src.charAt(x) == '+' || src.charAt(x) == '-')) {
                x++;
            }
            if (isDigit(x)) {
                e = digits(x);
                isFloat = true;
            }
        }
        if (isFloat) {
            double value = Double.parseDouble(src.substring(p, e).replace("_", ""));
            tokens.add(new Token(Type.FLOAT, value, at(p)));
            return e;
        }
        return integer(src.substring(p, e), 10, p, e);
    }

    private int integer(String digits, int radix, int start, int end) {
        try {
            tokens.add(new Token(Type.INTEGER, Long.parseLong(digits.replace("_", ""), radix), at(start)));
        } catch (NumberFormatException e) {
            throw error("integer literal out of range or malformed", start);
        }
        return end;
    }

    private int digits(int p) {
        int e = p;
        while (e < n && (isDigit(e) || (src.charAt(e) == '_' && isDigit(e + 1)))) {
            e++;
        }
        return e;
    }

    private boolean isDigit(int p) {
        return p < n && src.charAt(p) >= '0' && src.charAt(p) <= '9';
    }

    private int string(int p) {
        char quote = src.charAt(p);
        int e = p + 1;
        while (e < n && src.charAt(e) != quote) {
            e += src.charAt(e) == '\\' ? 2 : 1;
        }
        if (e >= n) {
            throw error("unterminated string", p);
        }
        try {
            tokens.add(new Token(Type.STRING, StringEscapes.decode(src.substring(p + 1, e)), at(p)));
        } catch (IllegalArgumentException ex) {
            throw error(ex.getMessage(), p);
        }
        return e + 1;
    }

    private int skipSpace(int p) {
        while (p < n && PythonStrings.isSpace(src.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isBlank(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!PythonStrings.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private TemplateException error(String reason, int offset) {
        return new TemplateException(TemplateException.Kind.SYNTAX, reason, at(offset));
    }

    private SourcePos at(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new SourcePos(line + 1, offset - lineStarts[line] + 1);
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
