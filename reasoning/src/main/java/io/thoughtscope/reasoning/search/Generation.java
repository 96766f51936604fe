package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Continues one sequence until it ends: an end-of-generation token, a stop string, or the token
 * limit. The building block of a single chain and of every strategy's rollouts.
 */
public final class Generation {

    /** Why a generation ended. */
    public enum Stop {
        END_OF_GENERATION,
        STOP_STRING,
        MAX_TOKENS
    }

    /**
     * @param maxTokens  at most this many new tokens
     * @param stop       strings that end the generation when the text produced contains them
     * @param topK       alternatives to report per token
     * @param sampling   how to sample
     */
    public record Options(int maxTokens, List<String> stop, int topK, SamplingParams sampling) {
        public Options {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1");
            }
            stop = stop == null ? List.of() : List.copyOf(stop);
        }
    }

    /**
     * @param reason why it ended
     * @param tokens new tokens produced (the end-of-generation token included)
     * @param text   the text produced (without an end-of-generation token's text)
     */
    public record Result(Stop reason, int tokens, String text) {}

    private Generation() {
    }

    public static Result run(LanguageModel model, Sequence sequence, Options options, Consumer<TokenStep> onStep) {
        StringBuilder text = new StringBuilder();
        int longestStop = options.stop().stream().mapToInt(String::length).max().orElse(0);
        for (int n = 1; ; n++) {
            TokenStep step = model.step(List.of(new StepRequest(sequence, options.sampling(), options.topK()))).getFirst();
            if (onStep != null) {
                onStep.accept(step);
            }
            if (step.endOfGeneration()) {
                return new Result(Stop.END_OF_GENERATION, n, text.toString());
            }
            text.append(step.token().text());
            if (longestStop > 0 && endsWithStop(text, options.stop(), longestStop + step.token().text().length())) {
                return new Result(Stop.STOP_STRING, n, text.toString());
            }
            if (n >= options.maxTokens()) {
                return new Result(Stop.MAX_TOKENS, n, text.toString());
            }
        }
    }

    /** Whether a stop string occurs in the last {@code window} characters. */
    static boolean endsWithStop(CharSequence text, List<String> stops, int window) {
        int from = Math.max(0, text.length() - window);
        String tail = text.subSequence(from, text.length()).toString();
        for (String s : stops) {
            if (!s.isEmpty() && tail.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
