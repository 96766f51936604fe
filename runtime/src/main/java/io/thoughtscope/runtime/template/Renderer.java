package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.Node.Target;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the parsed template once: executes statements into the output and evaluates
 * expressions, with Jinja's semantics. One renderer serves one render and is not shared.
 */
final class Renderer {

    /** How a statement list ended: normally, or by {@code break} / {@code continue} for the enclosing loop. */
    private enum Flow { NORMAL, BREAK, CONTINUE }

    private final RenderBudget budget;
    private final Clock clock;
    private TextBuilder out;

    Renderer(TemplateLimits limits, Clock clock) {
        this.budget = new RenderBudget(limits);
        this.clock = clock;
    }

    RenderBudget budget() {
        return budget;
    }

    Clock clock() {
        return clock;
    }

    String render(List<Node> body, Scope scope) {
        out = new TextBuilder(budget);
        exec(body, scope);
        return out.build();
    }

    /** Renders a macro's body in its own output; the text becomes the call's value. */
    String renderMacro(Macro macro, Scope local) {
        TextBuilder outer = out;
        out = new TextBuilder(budget);
        try {
            budget.enterCall();
            exec(macro.definition().body(), local);
            return out.build();
        } finally {
            budget.exitCall();
            out = outer;
        }
    }

    // ---- statements ----

    private Flow exec(List<Node> nodes, Scope scope) {
        for (Node node : nodes) {
            Flow flow = exec(node, scope);
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow exec(Node node, Scope scope) {
        try {
            budget.enter();
            budget.step();
            return switch (node) {
                case Node.Text t -> {
                    out.append(t.text());
                    yield Flow.NORMAL;
                }
                case Node.Output o -> {
                    out.append(PythonText.str(eval(o.expr(), scope), budget));
                    yield Flow.NORMAL;
                }
                case Node.If i -> {
                    for (Node.Branch branch : i.branches()) {
                        if (Values.truthy(eval(branch.test(), scope))) {
                            yield exec(branch.body(), scope);
                        }
                    }
                    yield exec(i.otherwise(), scope);
                }
                case Node.For f -> loop(f, scope);
                case Node.Set s -> {
                    assign(s.target(), eval(s.value(), scope), scope);
                    yield Flow.NORMAL;
                }
                case Node.SetBlock s -> {
                    assign(s.target(), capture(s.body(), scope.child()), scope);
                    yield Flow.NORMAL;
                }
                case Node.Macro m -> {
                    scope.set(m.name(), new Macro(m, scope));
                    yield Flow.NORMAL;
                }
                case Node.With w -> {
                    List<Object> values = new ArrayList<>();
                    for (Expr value : w.values()) {
                        values.add(eval(value, scope));
                    }
                    Scope inner = scope.child();
                    for (int k = 0; k < values.size(); k++) {
                        assign(w.targets().get(k), values.get(k), inner);
                    }
                    yield exec(w.body(), inner);
                }
                case Node.Block b -> exec(b.body(), scope.child());
                case Node.Break b -> Flow.BREAK;
                case Node.Continue c -> Flow.CONTINUE;
            };
        } catch (EvalError e) {
            throw new TemplateException(e.kind(), e.getMessage(), node.pos());
        } finally {
            budget.exit();
        }
    }

    private Flow loop(Node.For f, Scope scope) {
        List<Object> items = Values.iterate(eval(f.iterable(), scope));
        if (f.filter() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                budget.iteration();
                Scope s = scope.child();
                assign(f.target(), item, s);
                if (Values.truthy(eval(f.filter(), s))) {
                    kept.add(item);
                }
            }
            items = Collections.unmodifiableList(kept);
        }
        if (items.isEmpty()) {
            return exec(f.otherwise(), scope.child());
        }
        for (int k = 0; k < items.size(); k++) {
            budget.iteration();
            Scope s = scope.child();
            assign(f.target(), items.get(k), s);
            s.set("loop", new LoopState(items, k));
            if (exec(f.body(), s) == Flow.BREAK) {
                break;
            }
        }
        return Flow.NORMAL;
    }

    private String capture(List<Node> body, Scope scope) {
        TextBuilder outer = out;
        out = new TextBuilder(budget);
        try {
            exec(body, scope);
            return out.build();
        } finally {
            out = outer;
        }
    }

    private void assign(Target target, Object value, Scope scope) {
        switch (target) {
            case Target.Variable v -> scope.set(v.name(), value);
            case Target.NamespaceAttribute a -> {
                if (!(scope.lookup(a.namespace()) instanceof Namespace ns)) {
                    throw new EvalError("cannot assign attribute on non-namespace object '" + a.namespace() + "'");
                }
                ns.set(a.attribute(), value);
            }
            case Target.Unpack u -> {
                List<Object> items = Values.iterate(value);
                int expected = u.targets().size();
                if (items.size() != expected) {
                    throw new EvalError(items.size() > expected
                            ? "too many values to unpack (expected " + expected + ")"
                            : "not enough values to unpack (expected " + expected + ", got " + items.size() + ")");
                }
                for (int k = 0; k < expected; k++) {
                    assign(u.targets().get(k), items.get(k), scope);
                }
            }
        }
    }

    // ---- expressions ----

    Object eval(Expr e, Scope scope) {
        try {
            budget.enter();
            budget.step();
            return switch (e) {
                case Expr.Literal l -> l.value();
                case Expr.Name n -> scope.lookup(n.name());
                case Expr.ListLiteral l -> Collections.unmodifiableList(evalAll(l.items(), scope));
                case Expr.TupleLiteral t -> new TupleList(evalAll(t.items(), scope));
                case Expr.DictLiteral d -> {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int k = 0; k < d.keys().size(); k++) {
                        Values.putKey(map, Values.hashable(eval(d.keys().get(k), scope)), eval(d.values().get(k), scope));
                    }
                    yield Collections.unmodifiableMap(map);
                }
                case Expr.Attribute a -> Values.getAttr(eval(a.target(), scope), a.name());
                case Expr.Item i -> Values.getItem(eval(i.target(), scope), eval(i.index(), scope), budget);
                case Expr.Slice s -> new PySlice(evalOrNull(s.start(), scope), evalOrNull(s.stop(), scope),
                        evalOrNull(s.step(), scope));
                case Expr.Call c -> call(eval(c.callee(), scope), arguments(c.args(), c.kwargs(), scope));
                case Expr.Filter f -> BuiltinFilters.apply(this, f.name(), eval(f.value(), scope),
                        arguments(f.args(), f.kwargs(), scope));
                case Expr.Test t -> BuiltinTests.apply(this, t.name(), eval(t.value(), scope),
                        arguments(t.args(), t.kwargs(), scope)) != t.negated();
                case Expr.Unary u -> switch (u.op()) {
                    case "not" -> !Values.truthy(eval(u.operand(), scope));
                    case "-" -> Operators.negate(eval(u.operand(), scope));
                    default -> Operators.plus(eval(u.operand(), scope));
                };
                case Expr.Binary b -> Operators.apply(b.op(), eval(b.left(), scope), eval(b.right(), scope), budget);
                case Expr.Logical l -> {
                    Object left = eval(l.left(), scope);
                    if (l.and()) {
                        yield Values.truthy(left) ? eval(l.right(), scope) : left;
                    }
                    yield Values.truthy(left) ? left : eval(l.right(), scope);
                }
                case Expr.Compare c -> compare(c, scope);
                case Expr.Conditional c -> Values.truthy(eval(c.test(), scope)) ? eval(c.then(), scope)
                        : c.otherwise() == null ? new Undefined("the conditional expression had no else branch")
                        : eval(c.otherwise(), scope);
            };
        } catch (EvalError err) {
            throw new TemplateException(err.kind(), err.getMessage(), e.pos());
        } finally {
            budget.exit();
        }
    }

    private Object evalOrNull(Expr e, Scope scope) {
        return e == null ? null : eval(e, scope);
    }

    private List<Object> evalAll(List<Expr> exprs, Scope scope) {
        List<Object> values = new ArrayList<>(exprs.size());
        for (Expr x : exprs) {
            values.add(eval(x, scope));
        }
        return values;
    }

    private Arguments arguments(List<Expr> args, List<Expr.Named> kwargs, Scope scope) {
        if (args.isEmpty() && kwargs.isEmpty()) {
            return Arguments.NONE;
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (Expr.Named n : kwargs) {
            if (named.containsKey(n.name())) {
                throw new EvalError("keyword argument repeated: " + n.name());
            }
            named.put(n.name(), eval(n.value(), scope));
        }
        return new Arguments(Collections.unmodifiableList(evalAll(args, scope)), named);
    }

    Object call(Object callee, Arguments args) {
        return switch (callee) {
            case TemplateFunction f -> f.call(this, args);
            case Undefined u -> throw u.misuse();
            case null, default -> throw new EvalError("'" + Values.typeName(callee) + "' object is not callable");
        };
    }

    private boolean compare(Expr.Compare c, Scope scope) {
        Object left = eval(c.first(), scope);
        for (int k = 0; k < c.ops().size(); k++) {
            Object right = eval(c.rest().get(k), scope);
            String op = c.ops().get(k);
            boolean holds = switch (op) {
                case "==" -> Values.equal(left, right);
                case "!=" -> !Values.equal(left, right);
                case "<" -> Values.compare(left, right, op) < 0;
                case "<=" -> Values.compare(left, right, op) <= 0;
                case ">" -> Values.compare(left, right, op) > 0;
                case ">=" -> Values.compare(left, right, op) >= 0;
                case "in" -> Operators.contains(right, left);
                default -> !Operators.contains(right, left);
            };
            if (!holds) {
                return false;
            }
            left = right;
        }
        return true;
    }
}
