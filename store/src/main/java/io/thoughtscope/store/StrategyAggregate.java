package io.thoughtscope.store;

/**
 * Figures of one strategy over a set of runs.
 *
 * @param strategy      the strategy name
 * @param runs          runs with it
 * @param graded        of them, graded against a ground truth
 * @param correct       of them, correct
 * @param meanTokens    mean tokens per run
 * @param meanSeconds   mean wall time per finished run, NaN when none finished
 * @param totalTokens   all their tokens
 */
public record StrategyAggregate(String strategy, int runs, int graded, int correct, double meanTokens, double meanSeconds,
                                long totalTokens) {

    /** Correct among graded, NaN when none was graded. */
    public double accuracy() {
        return graded == 0 ? Double.NaN : (double) correct / graded;
    }
}
