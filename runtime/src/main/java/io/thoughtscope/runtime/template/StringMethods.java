package io.thoughtscope.runtime.template;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The Python {@code str} methods templates call on values ({@code content.split('</think>')},
 * {@code text.strip()}): only methods that do not change anything, as in Jinja's immutable sandbox.
 */
final class StringMethods {

    private static final Set<String> NAMES = Set.of(
            "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "startswith", "endswith",
            "upper", "lower", "title", "capitalize", "swapcase", "casefold", "replace", "find", "rfind",
            "index", "rindex", "count", "join", "isdigit", "isdecimal", "isnumeric", "isalpha",
            "isalnum", "isspace", "isupper", "islower", "istitle", "removeprefix", "removesuffix",
            "center", "ljust", "rjust", "zfill", "partition", "rpartition");

    private StringMethods() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(Renderer renderer, String s, String name, Arguments args) {
        RenderBudget budget = renderer.budget();
        return switch (name) {
            case "strip", "lstrip", "rstrip" -> {
                args.expect(name, 1, "chars");
                Object chars = args.get(0, "chars", null);
                yield PythonStrings.strip(s, chars == null ? null : text(chars, name),
                        !name.equals("rstrip"), !name.equals("lstrip"));
            }
            case "split", "rsplit" -> {
                args.expect(name, 2, "sep", "maxsplit");
                Object sep = args.get(0, "sep", null);
                long max = args.integer(1, "maxsplit", -1, name);
                String separator = sep == null ? null : text(sep, name);
                List<Object> parts = name.equals("split") ? PythonStrings.split(s, separator, max)
                        : PythonStrings.rsplit(s, separator, max);
                budget.chargeList(parts.size());
                yield Collections.unmodifiableList(parts);
            }
            case "splitlines" -> Collections.unmodifiableList(PythonStrings.splitLines(s));
            case "startswith", "endswith" -> {
                args.expect(name, 1);
                Object what = args.get(0, null, null);
                List<?> options = what instanceof TupleList t ? t : List.of(text(what, name));
                boolean starts = name.equals("startswith");
                yield options.stream().anyMatch(o -> starts ? s.startsWith(text(o, name)) : s.endsWith(text(o, name)));
            }
            case "upper" -> PythonStrings.upper(s);
            case "lower", "casefold" -> PythonStrings.lower(s);
            case "title" -> PythonStrings.title(s);
            case "capitalize" -> PythonStrings.capitalize(s);
            case "swapcase" -> swapCase(s);
            case "replace" -> {
                args.expect(name, 3, "count");
                yield PythonStrings.replace(s, text(args.get(0, null, null), name), text(args.get(1, null, null), name),
                        args.integer(2, "count", -1, name), budget);
            }
            case "find", "rfind", "index", "rindex" -> {
                args.expect(name, 1);
                String sub = text(args.get(0, null, null), name);
                int at = name.startsWith("r") ? s.lastIndexOf(sub) : s.indexOf(sub);
                if (at < 0 && name.endsWith("index")) {
                    throw new EvalError("substring not found");
                }
                yield at < 0 ? -1L : (long) s.codePointCount(0, at);
            }
            case "count" -> {
                args.expect(name, 1);
                String sub = text(args.get(0, null, null), name);
                if (sub.isEmpty()) {
                    yield PythonStrings.length(s) + 1L;
                }
                long count = 0;
                for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
                    count++;
                }
                yield count;
            }
            case "join" -> {
                args.expect(name, 1);
                List<Object> items = Values.iterate(args.get(0, null, null));
                budget.work(items.size());
                TextBuilder out = new TextBuilder(budget);
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.append(s);
                    }
                    if (!(items.get(i) instanceof String item)) {
                        throw new EvalError("sequence item " + i + ": expected str instance, "
                                + Values.typeName(items.get(i)) + " found");
                    }
                    out.append(item);
                }
                yield out.build();
            }
            case "isdigit", "isdecimal", "isnumeric" -> !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !s.isEmpty() && s.codePoints().allMatch(PythonStrings::isSpace);
            case "isupper" -> PythonStrings.isAllCase(s, true);
            case "islower" -> PythonStrings.isAllCase(s, false);
            case "istitle" -> !s.isEmpty() && s.equals(PythonStrings.title(s)) && s.codePoints().anyMatch(PythonStrings::isCased);
            case "removeprefix" -> {
                String prefix = text(args.get(0, null, null), name);
                yield s.startsWith(prefix) ? s.substring(prefix.length()) : s;
            }
            case "removesuffix" -> {
                String suffix = text(args.get(0, null, null), name);
                yield !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
            }
            case "center", "ljust", "rjust", "zfill" -> pad(s, name, args, budget);
            case "partition", "rpartition" -> {
                String sep = text(args.get(0, null, null), name);
                if (sep.isEmpty()) {
                    throw new EvalError("empty separator");
                }
                int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (at < 0) {
                    yield name.equals("partition") ? TupleList.of(s, "", "") : TupleList.of("", "", s);
                }
                yield TupleList.of(s.substring(0, at), sep, s.substring(at + sep.length()));
            }
            default -> throw new EvalError("'str' object has no attribute '" + name + "'");
        };
    }

    private static String pad(String s, String name, Arguments args, RenderBudget budget) {
        long width = args.integer(0, "width", 0, name);
        int length = PythonStrings.length(s);
        if (width <= length) {
            return s;
        }
        budget.charString(width);
        if (name.equals("zfill")) {
            int signAt = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
            return s.substring(0, signAt) + "0".repeat((int) (width - length)) + s.substring(signAt);
        }
        String fill = args.has(1, "fillchar") ? text(args.get(1, "fillchar", " "), name) : " ";
        int total = (int) (width - length);
        int left = switch (name) {
            case "ljust" -> 0;
            case "rjust" -> total;
            default -> total / 2 + (int) (total & width & 1);
        };
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    private static String swapCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(
                Character.isUpperCase(cp) ? Character.toLowerCase(cp) : Character.toUpperCase(cp)));
        return out.toString();
    }

    private static String text(Object value, String method) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Undefined u) {
            throw u.misuse();
        }
        throw new EvalError(method + "() argument must be str, not " + Values.typeName(value));
    }
}
