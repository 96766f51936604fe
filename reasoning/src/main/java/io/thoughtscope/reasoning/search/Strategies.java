package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.StrategySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The strategies by name, with their parameters and defaults. A spec is written
 * {@code name key=value key="a value"} (escapes {@code \n}, {@code \t}, {@code \"},
 * {@code \\}; lists separated by {@code |}); several specs are separated by {@code ;}. Parsing
 * fills in every default and checks every value, so a spec names exactly what runs and two specs
 * that run the same are equal.
 */
public final class Strategies {

    /** A parameter with its default and a line of help. */
    public record Param(String key, String defaultValue, String help) {}

    /** A strategy's name, what it does, and its own parameters (the common ones come on top). */
    public record Definition(String name, String summary, List<Param> params) {}

    private record Entry(Definition definition, BiFunction<StrategySpec, Values, Strategy> factory) {}

    /** Parameters every strategy takes. */
    public static final List<Param> COMMON = List.of(
            new Param("prompt", "step", "prompt preset: plain, step (reason step by step, boxed answer), draft (Chain of Draft)"),
            new Param("thinking", "true", "ask the chat template for thinking"),
            new Param("max-tokens", "4096", "the most tokens on one path from the prompt to its answer"),
            new Param("temperature", "0.6", "sampling temperature, 0 for greedy"),
            new Param("top-p", "0.95", "nucleus sampling, 1 for off"),
            new Param("top-k", "0", "keep the k most likely tokens, 0 for off"),
            new Param("min-p", "0", "min-p filter, 0 for off"),
            new Param("repeat-penalty", "1", "penalty on tokens of the last 64, 1 for off"));

    private static final String VERIFIERS = "rule (ground truth), self (the model's P(yes)), logprob (mean token probability)";

    private static final List<Entry> ENTRIES = List.of(
            new Entry(new Definition("chain", "one chain of thought, the baseline", List.of()),
                    (spec, v) -> new Chain(spec, v.common())),
            new Entry(new Definition("self-consistency", "N samples, majority vote over equivalent answers", List.of(
                    new Param("n", "8", "samples"))),
                    (spec, v) -> new SelfConsistency(spec, v.common(), v.integer("n", 1))),
            new Entry(new Definition("best-of-n", "N samples, the verifier's best", List.of(
                    new Param("n", "8", "samples"),
                    new Param("verifier", "self", VERIFIERS),
                    new Param("question", Verifier.QUESTION, "the self-evaluation's yes/no question"))),
                    (spec, v) -> new BestOfN(spec, v.common(), v.integer("n", 1),
                            Verifier.of(v.text("verifier"), v.text("question")))),
            new Entry(new Definition("beam", "step-level beam search", List.of(
                    new Param("width", "4", "beams kept"),
                    new Param("expand", "4", "steps sampled per beam"),
                    new Param("depth", "12", "the most steps; the last runs to the end"),
                    new Param("delimiter", "\n\n", "the text that ends a step"),
                    new Param("step-tokens", "256", "a step longer than this ends anyway"),
                    new Param("score", "logprob", "scores unfinished steps: self or logprob"),
                    new Param("verifier", "self", "scores finished paths: " + VERIFIERS),
                    new Param("question", Verifier.QUESTION, "the self-evaluation's question for answers"),
                    new Param("step-question", Verifier.STEP_QUESTION, "the self-evaluation's question for steps"))),
                    (spec, v) -> new StepBeamSearch(spec, v.common(), new StepBeamSearch.Settings(
                            v.integer("width", 1), v.integer("expand", 1), v.integer("depth", 1), v.text("delimiter"),
                            v.integer("step-tokens", 1), Verifier.of(v.text("score"), v.text("step-question")),
                            Verifier.of(v.text("verifier"), v.text("question"))))),
            new Entry(new Definition("mcts", "Monte Carlo tree search over steps", List.of(
                    new Param("iterations", "32", "select-expand-rollout-backup rounds"),
                    new Param("expand", "3", "steps sampled per expanded node"),
                    new Param("c", "1.41", "UCT exploration constant"),
                    new Param("depth", "8", "the most steps on a path; the last runs to the end"),
                    new Param("delimiter", "\n\n", "the text that ends a step"),
                    new Param("step-tokens", "256", "a step longer than this ends anyway"),
                    new Param("verifier", "self", "values rollouts: " + VERIFIERS),
                    new Param("question", Verifier.QUESTION, "the self-evaluation's question"))),
                    (spec, v) -> new MctsSearch(spec, v.common(), new MctsSearch.Settings(
                            v.integer("iterations", 1), v.integer("expand", 1), v.decimal("c"), v.integer("depth", 1),
                            v.text("delimiter"), v.integer("step-tokens", 1),
                            Verifier.of(v.text("verifier"), v.text("question"))))),
            new Entry(new Definition("budget", "budget forcing (s1): thinking held between min and max tokens", List.of(
                    new Param("min", "512", "thinking tokens below which an end of thinking is refused"),
                    new Param("max", "2048", "thinking tokens at which the thinking is closed"),
                    new Param("word", "Wait", "injected when an end of thinking is refused"),
                    new Param("final", "Final Answer:", "written after the forced end of thinking"),
                    new Param("suppress", "1", "steps after an injection with the closing tag suppressed"))),
                    (spec, v) -> new BudgetForcing(spec, v.common(), new BudgetForcing.Budget(
                            v.integer("min", 0), v.integer("max", 1), v.text("word"), v.text("final"),
                            v.integer("suppress", 0)))),
            new Entry(new Definition("tip", "thought-switch penalty (TIP)", List.of(
                    new Param("alpha", "3", "penalty on the switch tokens' logits"),
                    new Param("beta", "600", "tokens after a thought starts during which the penalty holds"),
                    new Param("words", "Alternatively|Wait|instead|however", "switch words, separated by |"))),
                    (spec, v) -> new ThoughtSwitchPenalty(spec, v.common(), new ThoughtSwitchPenalty.Penalty(
                            v.decimal("alpha"), v.integer("beta", 0), v.list("words")))));

    private Strategies() {
    }

    public static List<Definition> definitions() {
        return ENTRIES.stream().map(Entry::definition).toList();
    }

    public static List<String> names() {
        return ENTRIES.stream().map(e -> e.definition().name()).toList();
    }

    /**
     * A complete spec: the given parameters over the defaults, every value checked.
     *
     * @throws IllegalArgumentException naming the strategy, the parameter and what is wrong
     */
    public static StrategySpec spec(String name, Map<String, String> parameters) {
        Entry entry = entry(name);
        Map<String, String> all = new LinkedHashMap<>();
        for (Param p : COMMON) {
            all.put(p.key(), p.defaultValue());
        }
        for (Param p : entry.definition().params()) {
            all.put(p.key(), p.defaultValue());
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (!all.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' for " + name + " (known: "
                        + String.join(", ", all.keySet()) + ")");
            }
            all.put(e.getKey(), e.getValue());
        }
        StrategySpec spec = new StrategySpec(name, all);
        create(spec); // checks every value
        return spec;
    }

    /** A complete spec from {@code key=value} assignments, as a command line gives them. */
    public static StrategySpec spec(String name, List<String> assignments) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + a + "'");
            }
            params.put(a.substring(0, eq).strip(), SpecText.unescape(a.substring(eq + 1)));
        }
        return spec(name, params);
    }

    /** One spec from its text: {@code beam width=4 expand=3}. */
    public static StrategySpec parse(String text) {
        List<String> words = SpecText.words(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty strategy");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value after " + words.getFirst() + ", got '" + w + "'");
            }
            params.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return spec(words.getFirst(), params);
    }

    /** Specs separated by {@code ;}: {@code chain; self-consistency n=8; beam width=2}. */
    public static List<StrategySpec> parseList(String text) {
        List<StrategySpec> out = new ArrayList<>();
        for (String part : SpecText.split(text, ';')) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no strategies given");
        }
        return out;
    }

    /** The full text of a spec, every parameter included; {@link #parse} reads it back equal. */
    public static String format(StrategySpec spec) {
        StringBuilder sb = new StringBuilder(spec.name());
        spec.parameters().forEach((k, v) -> sb.append(' ').append(k).append('=').append(SpecText.quote(v)));
        return sb.toString();
    }

    /** A short label: the name and the parameters that differ from their defaults. */
    public static String label(StrategySpec spec) {
        Entry entry = entry(spec.name());
        Map<String, String> defaults = new LinkedHashMap<>();
        COMMON.forEach(p -> defaults.put(p.key(), p.defaultValue()));
        entry.definition().params().forEach(p -> defaults.put(p.key(), p.defaultValue()));
        StringBuilder sb = new StringBuilder(spec.name());
        spec.parameters().forEach((k, v) -> {
            if (!v.equals(defaults.get(k))) {
                sb.append(' ').append(k).append('=').append(SpecText.quote(v));
            }
        });
        return sb.toString();
    }

    /** The strategy a complete (or partial: defaults fill the rest) spec describes. */
    public static Strategy create(StrategySpec spec) {
        Entry entry = entry(spec.name());
        Map<String, String> all = new LinkedHashMap<>();
        COMMON.forEach(p -> all.put(p.key(), p.defaultValue()));
        entry.definition().params().forEach(p -> all.put(p.key(), p.defaultValue()));
        for (String key : spec.parameters().keySet()) {
            if (!all.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for " + spec.name());
            }
        }
        all.putAll(spec.parameters());
        StrategySpec complete = new StrategySpec(spec.name(), all);
        try {
            return entry.factory().apply(complete, new Values(spec.name(), all));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(spec.name() + ":") ? e
                    : new IllegalArgumentException(spec.name() + ": " + e.getMessage(), e);
        }
    }

    /** One help line per strategy and parameter, for a command line's usage text. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        for (Definition d : definitions()) {
            sb.append(d.name()).append(" — ").append(d.summary()).append('\n');
            for (Param p : d.params()) {
                sb.append(String.format(Locale.ROOT, "    %-14s %-12s %s%n", p.key(),
                        p.defaultValue().length() > 12 ? "…" : SpecText.quote(p.defaultValue()), p.help()));
            }
        }
        sb.append("common to all:\n");
        for (Param p : COMMON) {
            sb.append(String.format(Locale.ROOT, "    %-14s %-12s %s%n", p.key(), p.defaultValue(), p.help()));
        }
        return sb.toString();
    }

    private static Entry entry(String name) {
        for (Entry e : ENTRIES) {
            if (e.definition().name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "' (" + String.join(", ", names()) + ")");
    }

    /** Typed reads of a spec's values, with messages that name the parameter. */
    private record Values(String strategy, Map<String, String> values) {

        String text(String key) {
            return values.get(key);
        }

        int integer(String key, int min) {
            String v = values.get(key).strip();
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(strategy + ": " + key + " must be a whole number, got '" + v + "'");
            }
            if (n < min) {
                throw new IllegalArgumentException(strategy + ": " + key + " must be at least " + min + ", got " + n);
            }
            return n;
        }

        double decimal(String key) {
            String v = values.get(key).strip();
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(strategy + ": " + key + " must be a number, got '" + v + "'");
            }
        }

        boolean bool(String key) {
            String v = values.get(key).strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException(strategy + ": " + key + " must be true or false, got '" + v + "'");
            };
        }

        List<String> list(String key) {
            List<String> out = new ArrayList<>();
            for (String s : values.get(key).split("\\|")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }

        StrategyParams common() {
            PromptPreset preset;
            try {
                preset = PromptPreset.byKey(text("prompt").strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(strategy + ": " + e.getMessage());
            }
            return new StrategyParams(preset, bool("thinking"), integer("max-tokens", 1), decimal("temperature"),
                    decimal("top-p"), integer("top-k", 0), decimal("min-p"), decimal("repeat-penalty"));
        }
    }
}
