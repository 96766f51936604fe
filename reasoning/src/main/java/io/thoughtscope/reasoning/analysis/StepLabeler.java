package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.StepLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Labels a step with the sentence taxonomy from weighted evidence: lexicon cues, equations,
 * boxed answers, and the step's position. The label with the highest score wins; ties go to the
 * more specific label (final answer, self-checking, uncertainty before computation and plans).
 */
final class StepLabeler {

    /** Tie-break order: earlier wins. */
    private static final StepLabel[] PRIORITY = {
            StepLabel.FINAL_ANSWER_EMISSION, StepLabel.SELF_CHECKING, StepLabel.UNCERTAINTY_MANAGEMENT,
            StepLabel.ACTIVE_COMPUTATION, StepLabel.PLAN_GENERATION, StepLabel.RESULT_CONSOLIDATION,
            StepLabel.FACT_RETRIEVAL, StepLabel.PROBLEM_SETUP};

    private static final double ANCHOR_BONUS = 0.5;
    /** Traces usually open by restating the problem; the first step of the thinking leans that way. */
    private static final double OPENING_SETUP_BONUS = 1.5;

    private StepLabeler() {
    }

    private static double weight(StepLabel label) {
        return switch (label) {
            case FINAL_ANSWER_EMISSION -> 3.0;
            case SELF_CHECKING -> 2.0;
            case UNCERTAINTY_MANAGEMENT -> 1.25;
            default -> 1.0;
        };
    }

    /** A label and the evidence behind it. */
    record Labelled(StepLabel label, List<Evidence> evidence) {}

    /** Accumulates the votes for one step. */
    static final class Votes {
        final double[] score = new double[StepLabel.values().length];
        @SuppressWarnings("unchecked")
        final List<Evidence>[] evidence = new List[StepLabel.values().length];

        void add(StepLabel label, double w, Evidence e) {
            int i = label.ordinal();
            score[i] += w;
            if (evidence[i] == null) {
                evidence[i] = new ArrayList<>(2);
            }
            evidence[i].add(e);
        }

        void cue(Cue cue, String text, int start, int end) {
            double w = weight(cue.label()) + (cue.anchored() ? ANCHOR_BONUS : 0);
            add(cue.label(), w, new Evidence("cue", text.substring(start, end), new Span(start, end)));
        }
    }

    static Labelled label(String text, Span step, Region region, int indexInRegion, Votes votes) {
        Span equation = firstEquation(text, step);
        if (equation != null) {
            int ops = countOps(text, step);
            votes.add(StepLabel.ACTIVE_COMPUTATION, Math.min(ops, 3), new Evidence("equation", equation.of(text), equation));
        }
        if (region == Region.THINKING && indexInRegion == 0 && votes.score[StepLabel.PROBLEM_SETUP.ordinal()] > 0) {
            votes.add(StepLabel.PROBLEM_SETUP, OPENING_SETUP_BONUS, new Evidence("position", "opening step", step));
        }
        int box = indexOfBox(text, step);
        if (box >= 0) {
            votes.add(StepLabel.FINAL_ANSWER_EMISSION, 4.0, new Evidence("boxed", "\\boxed", new Span(box, box + 6)));
        }
        StepLabel best = null;
        double bestScore = 0;
        for (StepLabel l : PRIORITY) {
            double s = votes.score[l.ordinal()];
            if (s > bestScore) {
                best = l;
                bestScore = s;
            }
        }
        if (best != null) {
            List<Evidence> ev = new ArrayList<>(votes.evidence[best.ordinal()]);
            ev.sort(Comparator.comparingInt((Evidence e) -> e.rule().equals("cue") ? 1 : 0));
            return new Labelled(best, ev);
        }
        // No cue: fall back on position and content, and say so in the evidence.
        Span whole = new Span(step.start(), step.end());
        if (region == Region.THINKING && indexInRegion <= 1) {
            return new Labelled(StepLabel.PROBLEM_SETUP, List.of(new Evidence("position", "opening step", whole)));
        }
        if (region == Region.ANSWER && indexInRegion == 0) {
            return new Labelled(StepLabel.FINAL_ANSWER_EMISSION, List.of(new Evidence("position", "first step of the answer", whole)));
        }
        if (hasDigit(text, step)) {
            return new Labelled(StepLabel.ACTIVE_COMPUTATION, List.of(new Evidence("numbers", "step with numbers", whole)));
        }
        return new Labelled(StepLabel.FACT_RETRIEVAL, List.of(new Evidence("default", "statement without cues", whole)));
    }

    private static boolean hasDigit(String text, Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int indexOfBox(String text, Span s) {
        int i = text.indexOf("\\boxed", s.start(), s.end());
        return i >= 0 ? i : text.indexOf("\\fbox", s.start(), s.end());
    }

    private static boolean isOp(char c) {
        return c == '+' || c == '-' || c == '*' || c == '/' || c == '=' || c == '^' || c == '×' || c == '÷'
                || c == '·' || c == '−' || c == '≈';
    }

    /** An arithmetic operator with a digit on one side and an operand on the other. */
    private static boolean isEquationOp(String text, Span s, int i) {
        char c = text.charAt(i);
        if (!isOp(c)) {
            return false;
        }
        int b = i - 1;
        while (b >= s.start() && text.charAt(b) == ' ') {
            b--;
        }
        int a = i + 1;
        while (a < s.end() && text.charAt(a) == ' ') {
            a++;
        }
        if (b < s.start() || a >= s.end()) {
            return false;
        }
        char before = text.charAt(b);
        char after = text.charAt(a);
        boolean digitBefore = before >= '0' && before <= '9';
        boolean digitAfter = after >= '0' && after <= '9';
        if (!digitBefore && !digitAfter) {
            return false;
        }
        return operand(before) && operand(after);
    }

    private static boolean operand(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '(' || c == ')'
                || c == '{' || c == '}' || c == '\\' || c == '$' || c == '-' || c == '.';
    }

    static int countOps(String text, Span s) {
        int n = 0;
        for (int i = s.start(); i < s.end(); i++) {
            if (isEquationOp(text, s, i)) {
                n++;
            }
        }
        for (String cmd : new String[] {"\\times", "\\cdot", "\\div", "\\frac"}) {
            int from = s.start();
            int k;
            while ((k = text.indexOf(cmd, from, s.end())) >= 0) {
                n++;
                from = k + cmd.length();
            }
        }
        return n;
    }

    private static Span firstEquation(String text, Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            if (isEquationOp(text, s, i)) {
                // a few words either side of the operator, cut at word boundaries
                int a = i;
                while (a > s.start() && (i - a < 12 || !Character.isWhitespace(text.charAt(a - 1))) && i - a < 30
                        && text.charAt(a - 1) != '\n') {
                    a--;
                }
                int b = i + 1;
                while (b < s.end() && (b - i < 12 || !Character.isWhitespace(text.charAt(b))) && b - i < 30
                        && text.charAt(b) != '\n') {
                    b++;
                }
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                return new Span(a, b);
            }
        }
        int k = text.indexOf("\\times", s.start(), s.end());
        if (k < 0) {
            k = text.indexOf("\\frac", s.start(), s.end());
        }
        if (k >= 0) {
            return new Span(k, Math.min(s.end(), k + 6));
        }
        return null;
    }
}
