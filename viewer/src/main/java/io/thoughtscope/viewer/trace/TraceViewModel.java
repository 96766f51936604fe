package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Segment;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.StepLabel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The state behind a trace view: the analysis shown, which highlights are on, and the moment the
 * user has jumped to. Works without a window, so it is tested directly; the view only renders it.
 * Not thread-safe: use it on the FX thread.
 */
public final class TraceViewModel {

    private final ObjectProperty<TraceAnalysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final IntegerProperty currentMomentIndex = new SimpleIntegerProperty(this, "currentMomentIndex", -1);
    private final ReadOnlyObjectWrapper<Moment> currentMoment = new ReadOnlyObjectWrapper<>(this, "currentMoment");
    private final BooleanProperty showLabels = new SimpleBooleanProperty(this, "showLabels", true);
    private final BooleanProperty showMoments = new SimpleBooleanProperty(this, "showMoments", true);
    private final BooleanProperty showAnswers = new SimpleBooleanProperty(this, "showAnswers", true);

    public TraceViewModel() {
        // an invalidation listener: a new trace resets the position even when it equals the old one
        analysis.addListener((javafx.beans.Observable _) -> currentMomentIndex.set(-1));
        currentMomentIndex.addListener((_, _, v) -> {
            TraceAnalysis a = analysis.get();
            int i = v.intValue();
            currentMoment.set(a != null && i >= 0 && i < a.moments().size() ? a.moments().get(i) : null);
        });
    }

    public ObjectProperty<TraceAnalysis> analysisProperty() {
        return analysis;
    }

    public TraceAnalysis getAnalysis() {
        return analysis.get();
    }

    public void setAnalysis(TraceAnalysis value) {
        analysis.set(value);
    }

    public IntegerProperty currentMomentIndexProperty() {
        return currentMomentIndex;
    }

    public ReadOnlyObjectProperty<Moment> currentMomentProperty() {
        return currentMoment.getReadOnlyProperty();
    }

    public Optional<Moment> currentMoment() {
        return Optional.ofNullable(currentMoment.get());
    }

    public BooleanProperty showLabelsProperty() {
        return showLabels;
    }

    public BooleanProperty showMomentsProperty() {
        return showMoments;
    }

    public BooleanProperty showAnswersProperty() {
        return showAnswers;
    }

    /** Jumps to the next moment (wrapping round); returns false when there is none. */
    public boolean nextMoment() {
        return step(+1);
    }

    /** Jumps to the previous moment (wrapping round); returns false when there is none. */
    public boolean previousMoment() {
        return step(-1);
    }

    private boolean step(int dir) {
        TraceAnalysis a = analysis.get();
        if (a == null || a.moments().isEmpty()) {
            return false;
        }
        int n = a.moments().size();
        int cur = currentMomentIndex.get();
        int next = cur < 0 ? (dir > 0 ? 0 : n - 1) : Math.floorMod(cur + dir, n);
        currentMomentIndex.set(next);
        return true;
    }

    public void jumpTo(Moment m) {
        TraceAnalysis a = analysis.get();
        currentMomentIndex.set(a == null ? -1 : a.moments().indexOf(m));
    }

    /** The segment at a text offset (for hover and caret info), or null. */
    public Segment segmentAt(int offset) {
        TraceAnalysis a = analysis.get();
        return a == null ? null : a.segmentAt(offset);
    }

    /** The moments whose phrase lies at {@code offset}. */
    public List<Moment> momentsAt(int offset) {
        TraceAnalysis a = analysis.get();
        if (a == null) {
            return List.of();
        }
        List<Moment> out = new ArrayList<>();
        for (Moment m : a.moments()) {
            for (var e : m.evidence()) {
                if (e.span().contains(offset)) {
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The style runs of the whole text: step label tints, moment phrases, answer candidates, the
     * think tags dimmed, and the current moment emphasised. Computed with one sweep over the
     * boundaries of all marks, so long traces stay fast.
     */
    public List<StyledRun> styleRuns() {
        TraceAnalysis a = analysis.get();
        if (a == null) {
            return List.of();
        }
        String text = a.trace().text();
        List<Mark> marks = new ArrayList<>();
        // tags and anything outside thinking and answer
        Span thinking = a.trace().thinking();
        Span answer = a.trace().answer();
        addOutside(marks, text.length(), thinking, answer);
        if (!answer.isEmpty()) {
            marks.add(new Mark(answer.start(), answer.end(), StyleClasses.ANSWER_REGION));
        }
        if (showLabels.get()) {
            for (Segment s : a.segments()) {
                marks.add(new Mark(s.span().start(), trimEnd(text, s.span()), StyleClasses.step(s.label())));
            }
        }
        if (showMoments.get()) {
            for (Moment m : a.moments()) {
                for (var e : m.evidence()) {
                    marks.add(new Mark(e.span().start(), e.span().end(), StyleClasses.moment(m.type())));
                }
            }
        }
        if (showAnswers.get()) {
            for (Answer c : a.candidates()) {
                marks.add(new Mark(c.span().start(), c.span().end(), StyleClasses.answer(c.verdict())));
            }
        }
        Moment cur = currentMoment.get();
        if (cur != null) {
            Span anchor = cur.anchor();
            marks.add(new Mark(anchor.start(), anchor.end(), StyleClasses.CURRENT_MOMENT));
        }
        return sweep(text.length(), marks);
    }

    /**
     * What the gutter shows beside one line of the text.
     *
     * @param label     the label of the step the line starts in (null outside thinking and answer)
     * @param stepStart whether a step starts on this line
     * @param moments   the types of the moments whose phrase starts on this line
     */
    public record LineInfo(StepLabel label, boolean stepStart,
                           List<MomentType> moments) {}

    /** One entry per line of the text ({@code \n}-separated), for the gutter. */
    public List<LineInfo> lines() {
        TraceAnalysis a = analysis.get();
        if (a == null) {
            return List.of();
        }
        String text = a.trace().text();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        List<LineInfo> out = new ArrayList<>(starts.size());
        int seg = 0;
        int mom = 0;
        List<Segment> segs = a.segments();
        List<Moment> moments = a.moments();
        for (int li = 0; li < starts.size(); li++) {
            int from = starts.get(li);
            int to = li + 1 < starts.size() ? starts.get(li + 1) : text.length() + 1;
            while (seg < segs.size() && segs.get(seg).span().end() <= from) {
                seg++;
            }
            StepLabel label = null;
            boolean stepStart = false;
            for (int k = seg; k < segs.size() && segs.get(k).span().start() < to; k++) {
                Segment s = segs.get(k);
                int contentStart = s.span().start();
                while (contentStart < s.span().end() && Character.isWhitespace(text.charAt(contentStart))) {
                    contentStart++;
                }
                if (contentStart >= from && contentStart < to && contentStart < s.span().end()) {
                    if (!stepStart) {
                        label = s.label();
                    }
                    stepStart = true;
                } else if (label == null && s.span().contains(from)) {
                    label = s.label();
                }
            }
            List<MomentType> types = new ArrayList<>(0);
            while (mom < moments.size() && moments.get(mom).anchor().start() < from) {
                mom++;
            }
            for (int k = mom; k < moments.size() && moments.get(k).anchor().start() < to; k++) {
                if (!types.contains(moments.get(k).type())) {
                    types.add(moments.get(k).type());
                }
            }
            out.add(new LineInfo(label, stepStart, types));
        }
        return out;
    }

    private record Mark(int start, int end, String styleClass) {}

    private static void addOutside(List<Mark> marks, int length, Span thinking, Span answer) {
        List<Span> in = new ArrayList<>();
        if (thinking != null) {
            in.add(thinking);
        }
        in.add(answer);
        in.sort(null);
        int pos = 0;
        for (Span s : in) {
            if (s.start() > pos) {
                marks.add(new Mark(pos, s.start(), StyleClasses.THINK_TAG));
            }
            pos = Math.max(pos, s.end());
        }
        if (pos < length) {
            marks.add(new Mark(pos, length, StyleClasses.THINK_TAG));
        }
    }

    /** A step's tint stops before its trailing whitespace, so blank lines stay blank. */
    private static int trimEnd(String text, Span s) {
        int e = s.end();
        while (e > s.start() && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static List<StyledRun> sweep(int length, List<Mark> marks) {
        int[] bounds = new int[marks.size() * 2 + 2];
        int k = 0;
        bounds[k++] = 0;
        bounds[k++] = length;
        for (Mark m : marks) {
            bounds[k++] = m.start();
            bounds[k++] = m.end();
        }
        Arrays.sort(bounds);
        // events: marks sorted by start; active set scanned per run (few overlap at once)
        List<Mark> byStart = new ArrayList<>(marks);
        byStart.sort((x, y) -> Integer.compare(x.start(), y.start()));
        List<Mark> active = new ArrayList<>();
        List<StyledRun> runs = new ArrayList<>();
        int next = 0;
        int prev = -1;
        for (int b : bounds) {
            if (b == prev) {
                continue;
            }
            if (prev >= 0 && b > prev) {
                // marks active over [prev, b)
                while (next < byStart.size() && byStart.get(next).start() <= prev) {
                    active.add(byStart.get(next++));
                }
                final int from = prev;
                active.removeIf(m -> m.end() <= from);
                List<String> classes = new ArrayList<>(active.size());
                for (Mark m : active) {
                    if (m.start() <= from && m.end() > from && !classes.contains(m.styleClass())) {
                        classes.add(m.styleClass());
                    }
                }
                if (!runs.isEmpty() && runs.getLast().styleClasses().equals(classes)) {
                    StyledRun last = runs.removeLast();
                    runs.add(new StyledRun(last.start(), b, classes));
                } else {
                    runs.add(new StyledRun(prev, b, classes));
                }
            }
            prev = b;
        }
        return runs;
    }
}
