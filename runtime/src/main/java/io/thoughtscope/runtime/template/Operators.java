package io.thoughtscope.runtime.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Python's binary operators on template values, with Python's errors for mismatched types. */
final class Operators {

    private Operators() {
    }

    static Object apply(String op, Object a, Object b, RenderBudget budget) {
        if (op.equals("~")) {
            String x = PythonText.str(a, budget);
            String y = PythonText.str(b, budget);
            budget.charString((long) x.length() + y.length());
            return x + y;
        }
        if (a instanceof Undefined u) {
            throw u.misuse();
        }
        if (b instanceof Undefined u) {
            throw u.misuse();
        }
        return switch (op) {
            case "+" -> add(a, b, budget);
            case "*" -> multiply(a, b, budget);
            case "-", "/", "//", "%", "**" -> arithmetic(op, a, b);
            default -> throw new IllegalStateException("unknown operator " + op);
        };
    }

    private static Object add(Object a, Object b, RenderBudget budget) {
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return arithmetic("+", a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            budget.charString((long) x.length() + y.length());
            return x + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y && (x instanceof TupleList) == (y instanceof TupleList)) {
            budget.chargeList((long) x.size() + y.size());
            List<Object> sum = new ArrayList<>(x.size() + y.size());
            sum.addAll(x);
            sum.addAll(y);
            return x instanceof TupleList ? new TupleList(sum) : Collections.unmodifiableList(sum);
        }
        if (a instanceof String) {
            throw new EvalError("can only concatenate str (not \"" + Values.typeName(b) + "\") to str");
        }
        throw unsupported("+", a, b);
    }

    private static Object multiply(Object a, Object b, RenderBudget budget) {
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return arithmetic("*", a, b);
        }
        Object seq = a instanceof Long || a instanceof Boolean ? b : a;
        Object times = seq == a ? b : a;
        if (!(times instanceof Long || times instanceof Boolean)) {
            throw unsupported("*", a, b);
        }
        long n = Math.min(Integer.MAX_VALUE, Math.max(0, Values.toLong(times)));
        if (seq instanceof String s) {
            if (s.isEmpty() || n == 0) {
                return "";
            }
            budget.charString(s.length() * n);
            return s.repeat((int) n);
        }
        if (seq instanceof List<?> list) {
            if (list.isEmpty()) {
                n = 0;
            }
            budget.chargeList(list.size() * n);
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.addAll(list);
            }
            return list instanceof TupleList ? new TupleList(out) : Collections.unmodifiableList(out);
        }
        throw unsupported("*", a, b);
    }

    /** Numeric operators: int stays int (overflow is an error), {@code /} always gives a float. */
    static Object arithmetic(String op, Object a, Object b) {
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            if (op.equals("%") && a instanceof String) {
                throw new EvalError("printf-style formatting with '%' is not supported; use '~' or the format filter");
            }
            throw unsupported(op, a, b);
        }
        boolean integers = !(a instanceof Double) && !(b instanceof Double);
        try {
            if (integers) {
                long x = Values.toLong(a);
                long y = Values.toLong(b);
                return switch (op) {
                    case "+" -> Math.addExact(x, y);
                    case "-" -> Math.subtractExact(x, y);
                    case "*" -> Math.multiplyExact(x, y);
                    case "/" -> (double) x / nonZero(y);
                    case "//" -> Math.floorDiv(x, nonZero(y));
                    case "%" -> Math.floorMod(x, nonZero(y));
                    case "**" -> y >= 0 ? (Object) power(x, y) : (Object) Math.pow(x, y);
                    default -> throw new IllegalStateException(op);
                };
            }
            double x = Values.toDouble(a);
            double y = Values.toDouble(b);
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> x / nonZero(y);
                case "//" -> Math.floor(x / nonZero(y));
                case "%" -> floatMod(x, nonZero(y));
                case "**" -> Math.pow(x, y);
                default -> throw new IllegalStateException(op);
            };
        } catch (ArithmeticException e) {
            throw new EvalError("integer overflow in '" + op + "'");
        }
    }

    private static long nonZero(long y) {
        if (y == 0) {
            throw new EvalError("division by zero");
        }
        return y;
    }

    private static double nonZero(double y) {
        if (y == 0) {
            throw new EvalError("float division by zero");
        }
        return y;
    }

    private static double floatMod(double x, double y) {
        double r = x % y;
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }

    private static long power(long base, long exponent) {
        long result = 1;
        long b = base;
        long e = exponent;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = Math.multiplyExact(result, b);
            }
            e >>= 1;
            if (e > 0) {
                b = Math.multiplyExact(b, b);
            }
        }
        return result;
    }

    static Object negate(Object v) {
        return switch (v) {
            case Long l -> {
                try {
                    yield Math.negateExact(l);
                } catch (ArithmeticException e) {
                    throw new EvalError("integer overflow in '-'");
                }
            }
            case Double d -> -d;
            case Boolean b -> b ? -1L : 0L;
            case Undefined u -> throw u.misuse();
            case null, default -> throw new EvalError("bad operand type for unary -: '" + Values.typeName(v) + "'");
        };
    }

    static Object plus(Object v) {
        return switch (v) {
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b ? 1L : 0L;
            case Undefined u -> throw u.misuse();
            case null, default -> throw new EvalError("bad operand type for unary +: '" + Values.typeName(v) + "'");
        };
    }

    /** Python {@code item in container}. */
    static boolean contains(Object container, Object item) {
        return switch (container) {
            case String s -> {
                if (!(item instanceof String sub)) {
                    throw new EvalError("'in <string>' requires string as left operand, not " + Values.typeName(item));
                }
                yield s.contains(sub);
            }
            case List<?> list -> {
                for (Object x : list) {
                    if (Values.equal(x, item)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Map<?, ?> map -> Values.mapGet(map, item) != Values.ABSENT;
            case Undefined u -> false;
            case null, default -> throw new EvalError("argument of type '" + Values.typeName(container) + "' is not iterable");
        };
    }

    private static EvalError unsupported(String op, Object a, Object b) {
        return new EvalError("unsupported operand type(s) for " + op + ": '" + Values.typeName(a)
                + "' and '" + Values.typeName(b) + "'");
    }
}
