package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.model.Verdict;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Icons and short names for moments, labels and verdicts, shared by every view. */
public final class Glyphs {

    private Glyphs() {
    }

    public static Ikon of(MomentType type) {
        return switch (type) {
            case AHA -> Material2AL.LIGHTBULB;
            case SELF_VERIFICATION -> Material2AL.FACT_CHECK;
            case BACKTRACK -> Material2MZ.UNDO;
            case THOUGHT_SWITCH -> Material2AL.ALT_ROUTE;
            case LOOP -> Material2AL.LOOP;
        };
    }

    public static Ikon of(Verdict verdict) {
        return switch (verdict) {
            case CORRECT -> Material2AL.CHECK_CIRCLE;
            case INCORRECT -> Material2AL.CANCEL;
            case UNGRADED -> Material2AL.HELP;
        };
    }

    /** A moment icon carrying the moment's style class, so CSS colours it. */
    public static FontIcon icon(MomentType type) {
        FontIcon icon = new FontIcon(of(type));
        icon.getStyleClass().addAll("moment-icon", StyleClasses.moment(type));
        return icon;
    }

    public static FontIcon icon(Verdict verdict) {
        FontIcon icon = new FontIcon(of(verdict));
        icon.getStyleClass().addAll("verdict-icon", StyleClasses.answer(verdict));
        return icon;
    }

    /** The gutter's short name of a label. */
    public static String shortName(StepLabel label) {
        return switch (label) {
            case PROBLEM_SETUP -> "setup";
            case PLAN_GENERATION -> "plan";
            case FACT_RETRIEVAL -> "fact";
            case ACTIVE_COMPUTATION -> "calc";
            case RESULT_CONSOLIDATION -> "result";
            case UNCERTAINTY_MANAGEMENT -> "doubt";
            case SELF_CHECKING -> "check";
            case FINAL_ANSWER_EMISSION -> "answer";
        };
    }
}
