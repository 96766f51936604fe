package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades answers against a ground truth and compares answers with each other, the way the MATH
 * and Qwen reference graders do, with their known failures fixed: unreduced fractions,
 * {@code \pm}, factorials, percent signs, units, markdown bold, invalid LaTeX (which is never
 * read as something else).
 *
 * <p>Rules, first match wins: equal normalised strings (plain words ignore case); equal values
 * of numbers and closed forms (relative 1e-4 when a side is a decimal approximation, else exact
 * up to rounding; x% also matches x/100); equal expressions in single-letter variables at
 * fixed sample points; tuples element-wise in order, intervals with the same brackets, sets and
 * bare lists as multisets ({@code a \pm b} is the set {a+b, a-b}).
 */
public final class AnswerGrader {

    private AnswerGrader() {
    }

    /**
     * Grades a candidate against the ground truth. The truth may be given as datasets give it
     * (see {@link #referenceAnswer}); without one the grade is {@code UNGRADED}. Never throws.
     */
    public static Grade grade(String candidateRaw, String truthRaw) {
        if (truthRaw == null || truthRaw.isBlank()) {
            return Grade.UNGRADED;
        }
        if (candidateRaw == null || candidateRaw.isBlank()) {
            return Grade.INCORRECT;
        }
        String method = matchOrNull(candidateRaw, referenceAnswer(truthRaw));
        return method == null ? Grade.INCORRECT : Grade.correct(method);
    }

    /**
     * The candidates with their verdicts against the ground truth, which is read once.
     * Without a truth every verdict is {@code UNGRADED}.
     */
    public static List<Answer> gradeAll(List<Answer> candidates, String truthRaw) {
        List<Answer> graded = new ArrayList<>(candidates.size());
        if (truthRaw == null || truthRaw.isBlank()) {
            for (Answer a : candidates) {
                graded.add(a.withVerdict(Verdict.UNGRADED));
            }
            return graded;
        }
        NormalizedAnswer truth = AnswerNormalizer.analyze(referenceAnswer(truthRaw));
        for (Answer a : candidates) {
            boolean correct = matchOrNull(AnswerNormalizer.analyze(a.raw()), truth) != null;
            graded.add(a.withVerdict(correct ? Verdict.CORRECT : Verdict.INCORRECT));
        }
        return graded;
    }

    /**
     * Whether two answers are the same answer (for grouping votes and counting answer changes).
     * Symmetric; blank answers equal nothing.
     */
    public static boolean equivalent(String a, String b) {
        return a != null && b != null && matchOrNull(a, b) != null;
    }

    /**
     * The final answer inside a dataset's reference: the value after GSM8K's {@code ####}, else
     * the last {@code \boxed{}} of a worked solution (MATH), else the whole text trimmed.
     */
    public static String referenceAnswer(String reference) {
        if (reference == null) {
            return "";
        }
        int hashes = reference.lastIndexOf("####");
        if (hashes >= 0) {
            int start = hashes + 4;
            int end = reference.indexOf('\n', start);
            String value = reference.substring(start, end < 0 ? reference.length() : end).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        BoxScanner.Box box = BoxScanner.last(reference);
        return box != null ? box.content(reference) : reference.strip();
    }

    private static String matchOrNull(String a, String b) {
        return matchOrNull(AnswerNormalizer.analyze(a), AnswerNormalizer.analyze(b));
    }

    private static String matchOrNull(NormalizedAnswer a, NormalizedAnswer b) {
        try {
            return AnswerMatcher.match(a, b);
        } catch (RuntimeException | StackOverflowError e) {
            return null; // grading must never break an analysis
        }
    }
}
