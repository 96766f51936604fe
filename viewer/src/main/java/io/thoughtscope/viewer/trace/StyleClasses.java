package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.Locale;

/** The CSS class names the trace view uses, in one place for the view, the model and the CSS. */
public final class StyleClasses {

    public static final String THINK_TAG = "think-tag";
    public static final String ANSWER_REGION = "answer-region";
    public static final String CURRENT_MOMENT = "current-moment";

    private StyleClasses() {
    }

    public static String step(StepLabel label) {
        return "step-" + label.key().replace('_', '-');
    }

    public static String moment(MomentType type) {
        return "moment-" + type.key().replace('_', '-');
    }

    public static String answer(Verdict verdict) {
        return "answer-" + verdict.name().toLowerCase(Locale.ROOT);
    }
}
