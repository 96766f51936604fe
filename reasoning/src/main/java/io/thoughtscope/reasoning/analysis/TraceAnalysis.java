package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Segment;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * Everything the analysis found in one trace.
 *
 * @param trace       the trace, split into thinking and answer
 * @param segments    its steps in text order, labelled
 * @param moments     detected moments in text order
 * @param candidates  answer candidates in text order, graded when a ground truth was given
 * @param finalAnswer the answer the trace committed to, or null
 * @param groundTruth the reference answer used for grading (already extracted from "#### 42"), or null
 * @param verdict     the final answer's grade; INCORRECT when there is a truth but no final answer
 * @param metrics     the figures
 */
public record TraceAnalysis(Trace trace, List<Segment> segments, List<Moment> moments, List<Answer> candidates,
                            Answer finalAnswer, String groundTruth, Verdict verdict, TraceMetrics metrics) {

    public TraceAnalysis {
        segments = List.copyOf(segments);
        moments = List.copyOf(moments);
        candidates = List.copyOf(candidates);
    }

    public Optional<Answer> answer() {
        return Optional.ofNullable(finalAnswer);
    }

    public List<Moment> moments(MomentType type) {
        return moments.stream().filter(m -> m.type() == type).toList();
    }

    /** The segment containing {@code offset}, or null. */
    public Segment segmentAt(int offset) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (offset < s.span().start()) {
                hi = mid - 1;
            } else if (offset >= s.span().end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
