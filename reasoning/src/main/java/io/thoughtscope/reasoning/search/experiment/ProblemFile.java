package io.thoughtscope.reasoning.search.experiment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.thoughtscope.reasoning.model.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the problems of an experiment from JSON Lines: one object per line with a question and
 * a ground truth (GSM8K's {@code "answer": "... #### 42"} and MATH's boxed solutions are read
 * by the grader). Field names may be dotted paths ({@code meta.question}). A line that cannot be
 * used is reported with its line number and left out.
 */
public final class ProblemFile {

    /** Question fields tried in order when none is named. */
    public static final List<String> QUESTION_FIELDS = List.of("question", "problem", "prompt", "input");
    /** Id fields tried in order when none is named; without one, the line number is the id. */
    public static final List<String> ID_FIELDS = List.of("id", "unique_id", "problem_id", "idx");

    /** Decimals are kept as written: a ground truth {@code 0.50} reads "0.50". */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /**
     * @param question the question field, or null to try {@link #QUESTION_FIELDS}
     * @param answer   the ground-truth field (required)
     * @param id       the id field, or null to try {@link #ID_FIELDS}
     */
    public record Fields(String question, String answer, String id) {
        public Fields {
            if (answer == null || answer.isBlank()) {
                throw new IllegalArgumentException("name the ground-truth field (--answer-field)");
            }
        }
    }

    /**
     * @param problems the usable problems in file order
     * @param skipped  one message per line left out ({@code file:line: why})
     */
    public record Loaded(List<ExperimentProblem> problems, List<String> skipped) {
        public Loaded {
            problems = List.copyOf(problems);
            skipped = List.copyOf(skipped);
        }
    }

    private ProblemFile() {
    }

    public static Loaded read(Path file, Fields fields) throws IOException {
        List<ExperimentProblem> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + number + ": ";
                JsonNode record;
                try {
                    record = MAPPER.readTree(line);
                } catch (JacksonException e) {
                    skipped.add(where + "malformed JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (!record.isObject()) {
                    skipped.add(where + "not a JSON object");
                    continue;
                }
                String question = fields.question() != null ? text(record, fields.question()) : first(record, QUESTION_FIELDS);
                if (question == null || question.isBlank()) {
                    skipped.add(where + "no question (" + (fields.question() != null ? "field '" + fields.question() + "'"
                            : "tried " + String.join(", ", QUESTION_FIELDS)) + ")");
                    continue;
                }
                String truth = text(record, fields.answer());
                if (truth == null || truth.isBlank()) {
                    skipped.add(where + "no ground truth in field '" + fields.answer() + "'");
                    continue;
                }
                String id = fields.id() != null ? text(record, fields.id()) : first(record, ID_FIELDS);
                if (id == null || id.isBlank()) {
                    id = String.valueOf(number);
                }
                if (!ids.add(id)) {
                    skipped.add(where + "the id '" + id + "' was used before");
                    continue;
                }
                problems.add(new ExperimentProblem(id, new Problem(question, truth)));
            }
        }
        return new Loaded(problems, skipped);
    }

    private static String first(JsonNode record, List<String> names) {
        for (String name : names) {
            String v = text(record, name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The text at a dotted path: strings as they are, numbers as written, null when absent. */
    static String text(JsonNode record, String path) {
        JsonNode node = record;
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && part.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
    }
}
