package io.thoughtscope.runtime.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of template values: what {@code {{ value }}} prints. */
final class PythonText {

    private PythonText() {
    }

    /** {@code str(value)} for small internal text (names in messages). */
    static String str(Object value) {
        return str(value, null);
    }

    /** {@code str(value)}; an undefined value prints as nothing. */
    static String str(Object value, RenderBudget budget) {
        return switch (value) {
            case null -> "None";
            case String s -> s;
            case Undefined u -> "";
            case List<?> l -> write(l, new TextBuilder(budget), 0).build();
            case Map<?, ?> m -> write(m, new TextBuilder(budget), 0).build();
            case Namespace ns -> new TextBuilder(budget).append("<Namespace ")
                    .append(str(ns.attributes(), budget)).append(">").build();
            default -> scalar(value);
        };
    }

    /** {@code repr(value)}: strings quoted, as inside a printed list. */
    static String repr(Object value) {
        return value instanceof String s ? quote(s) : str(value);
    }

    private static String scalar(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Long l -> Long.toString(l);
            case Double d -> floatRepr(d);
            case TemplateFunction f -> f.describe();
            case LoopState loop -> "<LoopContext " + (loop.index0() + 1) + "/" + loop.items().size() + ">";
            case PySlice s -> "slice(" + repr(s.start()) + ", " + repr(s.stop()) + ", " + repr(s.step()) + ")";
            default -> String.valueOf(value);
        };
    }

    private static TextBuilder write(Object value, TextBuilder out, int depth) {
        RenderBudget.checkValueDepth(depth);
        switch (value) {
            case String s -> out.append(quote(s));
            case List<?> list -> {
                boolean tuple = list instanceof TupleList;
                out.append(tuple ? "(" : "[");
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(list.get(i), out, depth + 1);
                }
                out.append(tuple ? (list.size() == 1 ? ",)" : ")") : "]");
            }
            case Map<?, ?> map -> {
                out.append("{");
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    write(e.getKey(), out, depth + 1);
                    out.append(": ");
                    write(e.getValue(), out, depth + 1);
                }
                out.append("}");
            }
            case Undefined u -> out.append("Undefined");
            case null, default -> out.append(str(value));
        }
        return out;
    }

    /** Python's string repr: single quotes unless the text has some and no double quotes. */
    static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f || (cp > 0x7f && !printable(cp))) {
                out.append(cp < 0x100 ? String.format("\\x%02x", cp)
                        : cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append(q).toString();
    }

    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back the same value (Java's
     * {@link Double#toString} finds the same digits), fixed notation from 1e-4 up to 1e16,
     * scientific outside it.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int abs = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
