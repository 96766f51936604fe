package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.model.Verdict;

import java.util.Objects;

/**
 * The outcome of grading one answer against a ground truth, with the rule that decided it.
 *
 * @param verdict correct, incorrect or ungraded
 * @param method  the comparison that matched: {@value #STRING}, {@value #NUMERIC},
 *                {@value #PERCENT}, {@value #SYMBOLIC}, {@value #TUPLE}, {@value #INTERVAL},
 *                {@value #SET}; {@value #NONE} when nothing matched or nothing was graded
 */
public record Grade(Verdict verdict, String method) {

    public static final String STRING = "string";
    public static final String NUMERIC = "numeric";
    public static final String PERCENT = "percent";
    public static final String SYMBOLIC = "symbolic";
    public static final String TUPLE = "tuple";
    public static final String INTERVAL = "interval";
    public static final String SET = "set";
    public static final String NONE = "none";

    static final Grade UNGRADED = new Grade(Verdict.UNGRADED, NONE);
    static final Grade INCORRECT = new Grade(Verdict.INCORRECT, NONE);

    public Grade {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(method, "method");
    }

    static Grade correct(String method) {
        return new Grade(Verdict.CORRECT, method);
    }

    public boolean isCorrect() {
        return verdict == Verdict.CORRECT;
    }
}
