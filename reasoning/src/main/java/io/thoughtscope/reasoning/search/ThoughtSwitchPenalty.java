package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Tokenizer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The thought-switch penalty TIP (Wang et al. 2025, "Thoughts Are All Over the Place"): a single
 * chain in which the logits of thought-switch tokens ("Alternatively", ...) are lowered by alpha
 * until beta tokens have passed since the current thought began (the start, or the last switch),
 * so the model explores each thought longer before it jumps to another. Once the thinking has
 * closed, the answer is left alone.
 */
public final class ThoughtSwitchPenalty extends Strategy {

    /** A first token shorter than this is too common ("in", "Al") to penalise everywhere. */
    private static final int SHORTEST_PENALISED = 4;

    /**
     * @param alpha the penalty subtracted from the switch tokens' logits
     * @param beta  the window in tokens after a thought starts
     * @param words the switch words; each is tried as written, capitalised and lower-case, with
     *              and without a leading space, and the first token of each variant is penalised
     */
    public record Penalty(double alpha, int beta, List<String> words) {
        public Penalty {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be a finite number of 0 or more");
            }
            if (beta < 0) {
                throw new IllegalArgumentException("beta must be 0 or more");
            }
            words = List.copyOf(words);
            if (words.isEmpty() || words.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("the switch words must not be empty");
            }
        }
    }

    private final Penalty penalty;

    ThoughtSwitchPenalty(StrategySpec spec, StrategyParams params, Penalty penalty) {
        super(spec, params);
        this.penalty = penalty;
    }

    public Penalty penalty() {
        return penalty;
    }

    @Override
    Outcome grow(LiveTree live) {
        if (!live.model().capabilities().logitBias()) {
            throw new IllegalStateException("tip lowers the logits of switch tokens and needs per-token logit bias, which "
                    + live.model().info().name() + " (" + live.model().info().backend() + ") does not offer");
        }
        Set<Integer> ids = switchTokens(live.model().tokenizer(), penalty.words());
        return Chain.single(live, params(), () -> new Steer(penalty, ids));
    }

    /** The first token of each variant of each word. */
    static Set<Integer> switchTokens(Tokenizer tokenizer, List<String> words) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String w : words) {
            String word = w.strip();
            Set<String> forms = new LinkedHashSet<>(List.of(word,
                    word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1),
                    word.toLowerCase(Locale.ROOT)));
            for (String form : forms) {
                for (String variant : List.of(form, " " + form)) {
                    int[] t = tokenizer.tokenize(variant, false, false);
                    if (t.length == 0) {
                        continue;
                    }
                    String piece = tokenizer.detokenize(new int[] {t[0]}).strip();
                    if (t.length == 1 || piece.length() >= Math.min(SHORTEST_PENALISED, form.length())) {
                        ids.add(t[0]);
                    }
                }
            }
        }
        return ids;
    }

    /** The steering of one lane: a window that restarts at every switch. */
    static final class Steer implements Steering {
        private final Penalty penalty;
        private final Map<Integer, Float> bias;
        private final Set<Integer> ids;
        private int sinceSwitch;

        Steer(Penalty penalty, Set<Integer> ids) {
            this.penalty = penalty;
            this.ids = ids;
            Map<Integer, Float> b = new HashMap<>();
            for (int id : ids) {
                b.put(id, (float) -penalty.alpha());
            }
            this.bias = Map.copyOf(b);
        }

        @Override
        public Map<Integer, Float> bias(Lane lane) {
            return !lane.closed() && sinceSwitch < penalty.beta() ? bias : Map.of();
        }

        @Override
        public void produced(Lane lane, Token token) {
            sinceSwitch = ids.contains(token.id()) ? 0 : sinceSwitch + 1;
        }
    }
}
