package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.analysis.answers.AnswerExtractor;
import io.thoughtscope.reasoning.analysis.answers.AnswerGrader;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Segment;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Analyses one trace: thinking and answer split, steps segmented and labelled, moments detected,
 * answer candidates extracted and graded, figures computed. Stateless and thread-safe; one
 * instance can analyse traces on many threads.
 */
public final class TraceAnalyzer {

    /** Tokens either side of a moment's phrase over which its entropy is averaged. */
    private static final int ENTROPY_WINDOW = 4;

    private final Lexicon lexicon;

    public TraceAnalyzer() {
        this(Lexicon.builtIn());
    }

    public TraceAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Analyses a text with its think tags, without a ground truth. */
    public TraceAnalysis analyze(String text) {
        return analyze(ThinkingSplitter.split(text), null);
    }

    /**
     * @param trace          the trace
     * @param referenceTruth the ground truth as a dataset gives it ({@code "... #### 42"} is understood), or null
     */
    public TraceAnalysis analyze(Trace trace, String referenceTruth) {
        String text = trace.text();
        String truth = referenceTruth == null || referenceTruth.isBlank() ? null : AnswerGrader.referenceAnswer(referenceTruth);

        // 1. steps of both regions
        List<Span> regions = new ArrayList<>(2);
        List<Region> regionKinds = new ArrayList<>(2);
        if (trace.thinking() != null) {
            regions.add(trace.thinking());
            regionKinds.add(Region.THINKING);
        }
        if (!trace.answer().isEmpty()) {
            regions.add(trace.answer());
            regionKinds.add(Region.ANSWER);
        }
        List<Span> stepSpans = new ArrayList<>();
        List<Integer> stepParagraph = new ArrayList<>();
        List<Region> stepRegion = new ArrayList<>();
        List<Integer> stepIndexInRegion = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            int k = 0;
            for (StepSegmenter.Step s : StepSegmenter.segment(text, regions.get(r))) {
                stepSpans.add(s.span());
                stepParagraph.add(s.paragraph());
                stepRegion.add(regionKinds.get(r));
                stepIndexInRegion.add(k++);
            }
        }

        // 2. cues, one pass
        List<List<CueScan.Hit>> hits = CueScan.scan(lexicon, text, regions, stepSpans);
        List<CueScan.Hit> momentHits = hits.get(0);
        List<CueScan.Hit> labelHits = hits.get(1);

        // 3. labels
        int n = stepSpans.size();
        StepLabeler.Votes[] votes = new StepLabeler.Votes[n];
        for (CueScan.Hit h : labelHits) {
            StepLabeler.Votes v = votes[h.step()];
            if (v == null) {
                v = votes[h.step()] = new StepLabeler.Votes();
            }
            v.cue(lexicon.cue(h.cue()), text, h.start(), h.end());
        }
        List<Segment> segments = new ArrayList<>(n);
        Map<StepLabel, Integer> perLabel = new EnumMap<>(StepLabel.class);
        for (StepLabel l : StepLabel.values()) {
            perLabel.put(l, 0);
        }
        for (int i = 0; i < n; i++) {
            StepLabeler.Votes v = votes[i] == null ? new StepLabeler.Votes() : votes[i];
            StepLabeler.Labelled l = StepLabeler.label(text, stepSpans.get(i), stepRegion.get(i), stepIndexInRegion.get(i), v);
            segments.add(new Segment(i, stepSpans.get(i), stepRegion.get(i), stepParagraph.get(i), l.label(), l.evidence()));
            perLabel.merge(l.label(), 1, Integer::sum);
        }

        // 4. moments
        TokenAlignment alignment = TokenAlignment.of(text, trace.tokens());
        List<Moment> moments = phraseMoments(text, momentHits, stepSpans, alignment);
        for (LoopDetector.Loop loop : LoopDetector.find(text, stepSpans, regions)) {
            Segment first = segmentContaining(segments, loop.span().start());
            Segment last = segmentContaining(segments, loop.span().end() - 1);
            int seg = first != null && first == last ? first.index() : -1;
            moments.add(new Moment(MomentType.LOOP, loop.span(), loop.evidence(), seg,
                    alignment == null ? OptionalDouble.empty() : alignment.meanEntropyAround(loop.evidence().getFirst().span(), ENTROPY_WINDOW)));
        }
        moments.sort((a, b) -> a.anchor().compareTo(b.anchor()));
        Map<MomentType, Integer> perType = new EnumMap<>(MomentType.class);
        for (MomentType t : MomentType.values()) {
            perType.put(t, 0);
        }
        for (Moment m : moments) {
            perType.merge(m.type(), 1, Integer::sum);
        }

        // 5. answers
        List<Answer> candidates = AnswerExtractor.candidates(trace);
        if (truth != null) {
            candidates = AnswerGrader.gradeAll(candidates, truth);
        }
        // the final answer is one of the (graded) candidates
        Answer finalAnswer = AnswerExtractor.finalAnswer(trace, candidates).orElse(null);
        Verdict verdict = truth == null ? Verdict.UNGRADED
                : finalAnswer == null ? Verdict.INCORRECT : finalAnswer.verdict();

        int switches = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (!AnswerGrader.equivalent(candidates.get(i - 1).raw(), candidates.get(i).raw())) {
                switches++;
            }
        }
        int firstCorrect = -1;
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).verdict() == Verdict.CORRECT) {
                firstCorrect = i;
                break;
            }
        }

        // 6. figures
        Span thinking = trace.thinking();
        int thinkingWords = thinking == null ? 0 : TextStats.words(text, thinking);
        int answerWords = TextStats.words(text, trace.answer());
        int firstCorrectOffset = -1;
        int wordsAfter = -1;
        double overthinking = Double.NaN;
        if (firstCorrect >= 0) {
            Answer fc = candidates.get(firstCorrect);
            firstCorrectOffset = fc.span().end();
            if (thinking != null && fc.region() == Region.THINKING) {
                wordsAfter = TextStats.words(text, new Span(Math.min(fc.span().end(), thinking.end()), thinking.end()));
            } else {
                wordsAfter = 0;
            }
            overthinking = thinkingWords == 0 ? 0 : (double) wordsAfter / thinkingWords;
        }
        int tokens = trace.tokens().isEmpty() ? -1 : trace.tokens().size();
        TraceMetrics metrics = new TraceMetrics(text.length(), thinking == null ? 0 : thinking.length(),
                trace.answer().length(), thinkingWords + answerWords, thinkingWords, answerWords, tokens, n, perLabel,
                perType, candidates.size(), switches, firstCorrect, firstCorrectOffset, wordsAfter, overthinking,
                trace.completeness());
        return new TraceAnalysis(trace, segments, moments, candidates, finalAnswer, truth, verdict, metrics);
    }

    /** One moment per step and type; its evidence lists every cue of that type in the step. */
    private List<Moment> phraseMoments(String text, List<CueScan.Hit> hits, List<Span> steps, TokenAlignment alignment) {
        List<Moment> out = new ArrayList<>();
        boolean[] used = new boolean[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            if (used[i]) {
                continue;
            }
            CueScan.Hit h = hits.get(i);
            MomentType type = lexicon.cue(h.cue()).moment();
            List<Evidence> ev = new ArrayList<>(2);
            ev.add(evidence(text, h));
            // hits are sorted by start, so the rest of this step's hits follow directly
            for (int j = i + 1; j < hits.size() && hits.get(j).step() == h.step(); j++) {
                if (!used[j] && lexicon.cue(hits.get(j).cue()).moment() == type) {
                    ev.add(evidence(text, hits.get(j)));
                    used[j] = true;
                }
            }
            out.add(new Moment(type, steps.get(h.step()), ev, h.step(),
                    alignment == null ? OptionalDouble.empty()
                            : alignment.meanEntropyAround(new Span(h.start(), h.end()), ENTROPY_WINDOW)));
        }
        return out;
    }

    private static Evidence evidence(String text, CueScan.Hit h) {
        return new Evidence("cue", text.substring(h.start(), h.end()), new Span(h.start(), h.end()));
    }

    private static Segment segmentContaining(List<Segment> segments, int offset) {
        for (Segment s : segments) {
            if (s.span().contains(offset)) {
                return s;
            }
        }
        return null;
    }
}
