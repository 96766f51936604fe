package io.thoughtscope.reasoning.traces;

/**
 * Which fields of a JSON record hold what. A null value means "detect it"; a non-null value is a
 * path: dot-separated field names with array indices allowed ({@code choices.0.message.content},
 * {@code model_answers.thinking_model}; {@code -1} is the last element). A field whose own name
 * contains dots (flattened exports) is found too: the longest matching name wins.
 *
 * <p>A mapped field that a record lacks is a {@link ReadProblem} for that record. Mapping any of
 * {@code thinking}, {@code answer} or {@code text} switches off shape detection (chat, choices,
 * conversations) and reads the record as a flat one.
 *
 * @param question    the question or prompt
 * @param thinking    the thinking, when it is kept apart from the answer ({@code reasoning_content})
 * @param answer      the model's answer after its thinking (not the reference answer)
 * @param text        the model's whole output, thinking marked with tags ({@code <think>...</think>})
 * @param groundTruth the reference answer, read raw
 * @param id          the record's identifier
 */
public record FieldMapping(String question, String thinking, String answer, String text, String groundTruth,
                           String id) {

    public FieldMapping {
        question = path("question", question);
        thinking = path("thinking", thinking);
        answer = path("answer", answer);
        text = path("text", text);
        groundTruth = path("ground truth", groundTruth);
        id = path("id", id);
        if (answer != null && text != null) {
            // both would name the model's output; which one wins would be a guess
            throw new IllegalArgumentException(
                    "map the model output either as text (with think tags) or as answer, not both");
        }
    }

    /** Detect every field. */
    public static FieldMapping auto() {
        return new FieldMapping(null, null, null, null, null, null);
    }

    public boolean isAuto() {
        return question == null && thinking == null && answer == null && text == null && groundTruth == null
                && id == null;
    }

    /** Whether the model's output is mapped, which makes every record a flat one. */
    boolean mapsOutput() {
        return thinking != null || answer != null || text != null;
    }

    public FieldMapping withQuestion(String path) {
        return new FieldMapping(path, thinking, answer, text, groundTruth, id);
    }

    public FieldMapping withThinking(String path) {
        return new FieldMapping(question, path, answer, text, groundTruth, id);
    }

    public FieldMapping withAnswer(String path) {
        return new FieldMapping(question, thinking, path, text, groundTruth, id);
    }

    public FieldMapping withText(String path) {
        return new FieldMapping(question, thinking, answer, path, groundTruth, id);
    }

    public FieldMapping withGroundTruth(String path) {
        return new FieldMapping(question, thinking, answer, text, path, id);
    }

    public FieldMapping withId(String path) {
        return new FieldMapping(question, thinking, answer, text, groundTruth, path);
    }

    private static String path(String what, String value) {
        if (value == null || value.isBlank()) {
            return null; // a CLI passes "" for "not given"
        }
        String p = value.strip();
        for (String part : p.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException(what + " field path '" + value + "' has an empty part");
            }
        }
        return p;
    }
}
