package io.thoughtscope.runtime.template;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A macro defined by the template, callable like a function; it returns its rendered body.
 *
 * @param definition the parsed {@code {% macro %}}
 * @param scope      the scope it was defined in, whose variables it reads when called
 */
record Macro(Node.Macro definition, Scope scope) implements TemplateFunction {

    @Override
    public Object call(Renderer renderer, Arguments args) {
        List<Node.Parameter> parameters = definition.parameters();
        if (args.positional().size() > parameters.size()) {
            throw new EvalError("macro '" + definition.name() + "' takes not more than " + parameters.size()
                    + " argument(s)");
        }
        Set<String> known = new HashSet<>();
        parameters.forEach(p -> known.add(p.name()));
        for (String name : args.named().keySet()) {
            if (!known.contains(name)) {
                throw new EvalError("macro '" + definition.name() + "' has no parameter named '" + name + "'");
            }
        }
        Scope local = scope.child();
        local.set(definition.name(), this);
        for (int i = 0; i < parameters.size(); i++) {
            Node.Parameter p = parameters.get(i);
            Map<String, Object> named = args.named();
            if (i < args.positional().size()) {
                if (named.containsKey(p.name())) {
                    throw new EvalError("macro '" + definition.name() + "' got multiple values for '" + p.name() + "'");
                }
                local.set(p.name(), args.positional().get(i));
            } else if (named.containsKey(p.name())) {
                local.set(p.name(), named.get(p.name()));
            } else if (p.fallback() != null) {
                local.set(p.name(), renderer.eval(p.fallback(), local));
            } else {
                local.set(p.name(), new Undefined("parameter '" + p.name() + "' was not provided"));
            }
        }
        return renderer.renderMacro(this, local);
    }

    @Override
    public String describe() {
        return "<Macro '" + definition.name() + "'>";
    }
}
