package io.thoughtscope.reasoning.traces;

import io.thoughtscope.reasoning.model.Trace;

import java.util.Objects;

/**
 * One trace read from a file.
 *
 * @param source      the file (or paste) name as given to the reader
 * @param line        where the record lies: the 1-based line for JSONL and plain text, the 1-based
 *                    record index for a JSON array, a container's array or a stream of objects
 * @param id          the record's id field (custom_id, id, _id, uuid, question_id, problem_id,
 *                    unique_id), else {@code <file name>:<line>}; several traces from one record
 *                    (n choices, an array of samples) get {@code #1}, {@code #2}, ... appended
 * @param question    the question, null when none was found
 * @param trace       the model's output split into thinking and answer
 * @param groundTruth the reference answer exactly as written (numbers as their JSON text, e.g.
 *                    {@code 42} gives {@code "42"}), not parsed; null when absent
 * @param model       the model name (model, model_name, generator), null when absent
 */
public record TraceRecord(String source, int line, String id, String question, Trace trace, String groundTruth,
                          String model) {
    public TraceRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trace, "trace");
    }
}
