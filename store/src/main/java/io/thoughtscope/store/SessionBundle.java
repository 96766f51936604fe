package io.thoughtscope.store;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.spi.Counters;

import java.time.Instant;
import java.util.List;

/**
 * A whole session to store in one transaction: what an import or {@code analyze --save} makes
 * of one record.
 *
 * @param session the session
 * @param runs    its runs, each with its finished tree and analyses
 * @param tags    tags on the session
 * @param starred whether the session carries a star
 * @param notes   notes on the session
 */
public record SessionBundle(Session session, List<RunBundle> runs, List<String> tags, boolean starred, List<String> notes) {

    public SessionBundle {
        runs = List.copyOf(runs);
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
    }

    /**
     * A finished run with its tree.
     *
     * @param finishedAt when it ended, or null when unknown
     */
    public record RunBundle(Run run, RunStatus status, Counters counters, Instant finishedAt, List<AnalysisOf> analyses) {
        public RunBundle {
            analyses = List.copyOf(analyses);
            counters = counters == null ? Counters.ZERO : counters;
        }
    }

    /** An analysis of the path from {@code firstNode} down to {@code lastNode}. */
    public record AnalysisOf(int firstNode, int lastNode, TraceAnalysis analysis) {
    }
}
