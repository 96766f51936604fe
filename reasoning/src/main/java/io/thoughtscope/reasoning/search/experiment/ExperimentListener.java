package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;

import java.time.Duration;

/**
 * Hears an experiment's progress. Calls come from the worker threads, several at once when the
 * experiment runs in parallel: implementations synchronise what they share and return quickly.
 */
public interface ExperimentListener {

    /**
     * @param done     runs finished so far, resumed ones included
     * @param total    runs in the grid
     * @param resumed  runs found finished in the resume file
     * @param failed   runs that failed in this session
     * @param correct  finished runs with a correct answer
     * @param elapsed  time since this session started
     */
    record Progress(int done, int total, int resumed, int failed, int correct, Duration elapsed) {
        public double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }
    }

    /** Before the first run. */
    default void started(Progress progress) {
    }

    /** Before a run: attach tree listeners (a store saving the tree live) to its context. */
    default void preparing(ExperimentProblem problem, StrategySpec strategy, RunContext.Builder context) {
    }

    /** A run completed and was recorded; the store saves its tree here. */
    default void finished(ExperimentProblem problem, RunResult result, Progress progress) {
    }

    /** A run failed; it is not recorded and will run again next time. */
    default void failed(ExperimentProblem problem, StrategySpec strategy, Throwable error, Progress progress) {
    }
}
