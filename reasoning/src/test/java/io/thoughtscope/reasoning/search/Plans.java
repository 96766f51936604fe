package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Problem;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Scripts written as plans: a plan gives, from what a sequence generated so far and its seed,
 * the whole text the model means to write; the script emits the next token of it (the longest
 * vocabulary word that fits, else one character) and ends when the text is complete.
 */
public final class Plans {

    /** Where the generated text starts: after the scripted chat template's assistant prefix. */
    static final String ASSISTANT = "assistant: ";

    /** The word tokens of the test vocabulary. */
    public static final List<String> WORDS = List.of("</think>", " Alternatively", "Alternatively", " Wait", "Wait",
            " yes", " no", "!</");

    private Plans() {
    }

    /** The text after the assistant prefix (the opening tag of the prompt included). */
    public static String generated(String text) {
        int at = text.indexOf(ASSISTANT);
        return at < 0 ? "" : text.substring(at + ASSISTANT.length());
    }

    /** A model with the word vocabulary that writes {@code plan.apply(generatedSoFar, seed)}. */
    static ScriptedModel model(BiFunction<String, Long, String> plan) {
        return model(plan, WORDS);
    }

    static ScriptedModel model(BiFunction<String, Long, String> plan, List<String> words) {
        return new ScriptedModel(c -> next(generated(c.text()), plan.apply(generated(c.text()), c.seed()), words), words);
    }

    /** The next token of {@code plan} after {@code done}. */
    public static ScriptedModel.Dist next(String done, String plan, List<String> words) {
        if (!plan.startsWith(done)) {
            throw new AssertionError("the plan '" + plan + "' does not continue '" + done + "'");
        }
        if (plan.length() == done.length()) {
            return ScriptedModel.Dist.end();
        }
        String rest = plan.substring(done.length());
        String best = rest.substring(0, 1);
        for (String w : words) {
            if (rest.startsWith(w) && w.length() > best.length()) {
                best = w;
            }
        }
        return ScriptedModel.Dist.of(best);
    }

    static Problem problem(String truth) {
        return new Problem("What is 6+6?", truth);
    }

    /** The rendered prompt of the scripted template with thinking on. */
    static final String PROMPT_END = "assistant: <think>\n";
}
