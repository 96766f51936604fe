package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.ThinkFormat;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds answer candidates in a trace with one linear scan: boxes ({@code \boxed{}},
 * {@code \fbox{}}, {@code \boxed X}), answer phrases in English and Chinese, and GSM8K's
 * {@code #### X}. A phrase whose value is a box yields only the box.
 */
public final class AnswerExtractor {

    private AnswerExtractor() {
    }

    private record Found(Span span, AnswerForm form) {}

    /**
     * Every candidate in text order, ungraded, with its normalised form and the region
     * ({@link Trace#regionAt}) it lies in.
     */
    public static List<Answer> candidates(Trace trace) {
        String text = trace.text();
        List<Found> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> {
                    BoxScanner.Box box = BoxScanner.at(text, i);
                    if (box != null) {
                        if (!box.isEmpty()) {
                            found.add(new Found(new Span(box.contentStart(), box.contentEnd()), AnswerForm.BOXED));
                        }
                        i = box.end(); // nothing inside a box is another candidate
                        continue;
                    }
                }
                case 'a', 'A' -> {
                    if (text.regionMatches(true, i, "answer", 0, 6)) {
                        add(found, AnswerPhrases.english(text, i), AnswerForm.PHRASE);
                    }
                }
                case '答' -> {
                    if (text.startsWith("答案", i)) {
                        add(found, AnswerPhrases.chinese(text, i), AnswerForm.PHRASE);
                    }
                }
                case '#' -> {
                    if (text.startsWith("####", i)) {
                        add(found, AnswerPhrases.hashes(text, i), AnswerForm.HASHES);
                    }
                }
                default -> {
                    // not a trigger
                }
            }
            i++;
        }
        List<Answer> answers = new ArrayList<>(found.size());
        for (Found f : distinct(found)) {
            String raw = f.span().of(text);
            answers.add(new Answer(raw, AnswerNormalizer.normalize(raw), f.span(), trace.regionAt(f.span().start()),
                    f.form(), Verdict.UNGRADED));
        }
        return answers;
    }

    /**
     * The answer the trace committed to: none when the trace was cut off; else the last boxed
     * candidate in the answer region, else the last candidate of any form there; for a trace
     * without thinking (format NONE) the last candidate anywhere. Candidates that lie only in
     * the thinking never make the final answer of a trace that has an answer region: that region
     * is what the model committed to, and a value it merely considered while thinking is not.
     */
    public static Optional<Answer> finalAnswer(Trace trace, List<Answer> candidates) {
        if (trace.isCutOff() || candidates.isEmpty()) {
            return Optional.empty();
        }
        Span region = trace.answer();
        Answer lastBoxed = null;
        Answer lastAny = null;
        for (Answer a : candidates) {
            if (inRegion(region, a.span())) {
                lastAny = a;
                if (a.form() == AnswerForm.BOXED) {
                    lastBoxed = a;
                }
            }
        }
        if (lastBoxed != null) {
            return Optional.of(lastBoxed);
        }
        if (lastAny != null) {
            return Optional.of(lastAny);
        }
        if (trace.format() == ThinkFormat.NONE && !trace.hasThinking()) {
            return Optional.of(candidates.getLast());
        }
        return Optional.empty();
    }

    /** The final answer of a trace, extracting its candidates first. */
    public static Optional<Answer> finalAnswer(Trace trace) {
        return finalAnswer(trace, candidates(trace));
    }

    private static boolean inRegion(Span region, Span span) {
        return span.start() >= region.start() && span.start() < region.end();
    }

    private static void add(List<Found> found, Span span, AnswerForm form) {
        if (span != null && !span.isEmpty()) {
            found.add(new Found(span, form));
        }
    }

    /** In text order; of two candidates where one holds the other, the inner one stays. */
    private static List<Found> distinct(List<Found> found) {
        found.sort(Comparator.comparing(Found::span));
        List<Found> kept = new ArrayList<>(found.size());
        for (Found f : found) {
            if (!kept.isEmpty()) {
                Found last = kept.getLast();
                if (last.span().contains(f.span())) {
                    kept.set(kept.size() - 1, f);
                    continue;
                }
                if (f.span().contains(last.span())) {
                    continue;
                }
            }
            kept.add(f);
        }
        return kept;
    }
}
