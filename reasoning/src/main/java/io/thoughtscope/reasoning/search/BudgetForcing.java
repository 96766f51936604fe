package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.spi.ChatFormat;

import java.util.Map;

/**
 * Budget forcing as in s1 (Muennighoff et al. 2025): a single chain whose thinking is held
 * between a minimum and a maximum number of tokens. When the model ends its thinking (or its
 * output) below the minimum, the closing tag is taken out before it is evaluated and the word
 * (default "Wait") is injected; for the next step the closing tag is suppressed outright, as
 * s1's {@code min_tokens} does, so that the model does not close again at once. At the maximum,
 * the thinking is closed and the final answer asked for. Injections are
 * {@link io.thoughtscope.reasoning.model.NodeKind#INTERVENTION} nodes.
 */
public final class BudgetForcing extends Strategy {

    /**
     * @param min            thinking tokens below which an end of thinking is refused
     * @param max            thinking tokens at which the thinking is closed
     * @param word           what is injected when an end is refused
     * @param finalCue       what follows the forced closing tag
     * @param suppressSteps  steps after an injection during which the closing tag is suppressed
     */
    public record Budget(int min, int max, String word, String finalCue, int suppressSteps) {
        public Budget {
            if (min < 0 || max < 1 || min > max) {
                throw new IllegalArgumentException("budget needs 0 <= min <= max and max >= 1, got min=" + min + " max=" + max);
            }
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("the continuation word must not be blank");
            }
            if (suppressSteps < 0) {
                throw new IllegalArgumentException("suppress must be 0 or more");
            }
            finalCue = finalCue == null ? "" : finalCue;
        }
    }

    private final Budget budget;

    BudgetForcing(StrategySpec spec, StrategyParams params, Budget budget) {
        super(spec, params);
        if (budget.max() >= params.maxTokens()) {
            throw new IllegalArgumentException("the thinking maximum (" + budget.max()
                    + ") leaves no room for the answer within max-tokens (" + params.maxTokens() + ")");
        }
        this.budget = budget;
    }

    public Budget budget() {
        return budget;
    }

    /** s1 puts the model into its thinking itself: the prompt ends with the opening tag. */
    @Override
    String prompt(RunContext ctx) {
        String prompt = super.prompt(ctx);
        ChatFormat chat = ctx.model().chat();
        return chat.endsInsideThinking(prompt) ? prompt : prompt + chat.thinkOpen() + "\n";
    }

    @Override
    Outcome grow(LiveTree live) {
        if (budget.suppressSteps() > 0 && live.tags().closeId() >= 0 && !live.model().capabilities().logitBias()) {
            throw new IllegalStateException("budget suppresses the closing tag with a logit bias, which "
                    + live.model().info().name() + " (" + live.model().info().backend()
                    + ") does not offer; run it with suppress=0");
        }
        return Chain.single(live, params(), () -> new Steer(budget));
    }

    /** The steering of one lane. */
    static final class Steer implements Steering {
        private final Budget budget;
        private int suppressLeft;

        Steer(Budget budget) {
            this.budget = budget;
        }

        @Override
        public Map<Integer, Float> bias(Lane lane) {
            if (suppressLeft > 0) {
                suppressLeft--;
                if (lane.thinking() && lane.tags().closeId() >= 0) {
                    return Map.of(lane.tags().closeId(), Float.NEGATIVE_INFINITY);
                }
            }
            return Map.of();
        }

        @Override
        public void beforeStep(Lane lane) {
            if (lane.thinking() && lane.thinkingTokens() >= budget.max()) {
                lane.forceAnswer(answerCue(lane), false);
            }
        }

        @Override
        public boolean onThinkingClose(Lane lane) {
            if (lane.thinkingTokens() >= budget.min()) {
                return false;
            }
            lane.rejectClose(word(lane));
            suppressLeft = budget.suppressSteps();
            return true;
        }

        @Override
        public boolean onEndInsideThinking(Lane lane) {
            if (lane.thinkingTokens() < budget.min()) {
                lane.rejectEnd(word(lane));
                suppressLeft = budget.suppressSteps();
            } else {
                lane.forceAnswer(answerCue(lane), true);
            }
            return true;
        }

        private String word(Lane lane) {
            return Character.isWhitespace(lane.lastChar()) ? budget.word() : " " + budget.word();
        }

        private String answerCue(Lane lane) {
            String cue = budget.finalCue().isEmpty() ? "" : "\n\n" + budget.finalCue();
            return (lane.lastChar() == '\n' ? "" : "\n") + lane.tags().close() + cue;
        }
    }
}
