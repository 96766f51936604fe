package io.thoughtscope.reasoning.traces;

import java.util.List;

/** The field names that automatic detection looks for, in order of preference. */
final class FieldNames {

    static final List<String> QUESTION = List.of("question", "problem", "prompt", "input", "instruction", "query");
    static final List<String> THINKING = List.of("reasoning_content", "reasoning", "thinking", "thought", "thoughts",
            "think", "chain_of_thought", "cot", "deepseek_thinking_trajectory", "thinking_trajectory",
            "thinking_trajectories", "reasoning_trace");
    /** The model's output; {@code solution} last because MATH-style datasets use it for the reference. */
    static final List<String> OUTPUT = List.of("response", "output", "completion", "generation", "generated_text",
            "model_output", "model_response", "prediction", "responses", "outputs", "completions", "generations",
            "content", "text", "deepseek_attempt", "attempt", "solution");
    static final List<String> GROUND_TRUTH = List.of("ground_truth", "gt", "reference", "reference_answer",
            "target", "gold", "gold_answer", "expected_answer", "expected", "correct_answer", "solution_answer",
            "final_answer");
    /** {@code custom_id} first: in OpenAI batch output {@code id} is the batch's, not the user's. */
    static final List<String> ID = List.of("custom_id", "id", "_id", "uuid", "question_id", "problem_id", "unique_id");
    static final List<String> MODEL = List.of("model", "model_name", "generator");
    static final List<String> CHATS = List.of("messages", "conversations", "conversation");
    /** Ambiguous: the reference in GSM8K and MATH, sometimes the model's answer (see {@link FlatRecord}). */
    static final String ANSWER = "answer";

    private FieldNames() {
    }
}
