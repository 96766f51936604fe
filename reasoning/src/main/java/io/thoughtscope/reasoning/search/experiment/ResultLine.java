package io.thoughtscope.reasoning.search.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.search.VoteTally;

/**
 * One finished run of an experiment, one line of its resume file.
 *
 * @param problem   the problem's id
 * @param strategy  the strategy's full text ({@link Strategies#format}), the other half of the key
 * @param seed      the run's seed
 * @param answer    the chosen answer as written, or null
 * @param verdict   its grade
 * @param generated tokens sampled
 * @param evaluated tokens evaluated
 * @param prompt    the prompt's tokens
 * @param nodes     nodes of the tree
 * @param wallMillis wall time
 * @param agreement the majority's share of the votes, NaN without votes
 */
public record ResultLine(String problem, String strategy, long seed, String answer, Verdict verdict, long generated,
                         long evaluated, int prompt, int nodes, long wallMillis, double agreement) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public boolean correct() {
        return verdict == Verdict.CORRECT;
    }

    /** The line of a completed run. */
    public static ResultLine of(String problemId, RunResult r) {
        if (r.status() != RunStatus.COMPLETED) {
            throw new IllegalArgumentException("only completed runs are recorded, this one is " + r.status());
        }
        return new ResultLine(problemId, Strategies.format(r.strategy()), r.seed(), r.answer().map(Answer::raw).orElse(null),
                r.verdict(), r.tokens().generated(), r.tokens().evaluated(), r.tokens().prompt(), r.tree().size(),
                r.wall().toMillis(), r.votes().map(VoteTally::agreement).orElse(Double.NaN));
    }

    String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("problem", problem);
        o.put("strategy", strategy);
        o.put("seed", seed);
        if (answer == null) {
            o.putNull("answer");
        } else {
            o.put("answer", answer);
        }
        o.put("verdict", verdict.name());
        o.put("generated", generated);
        o.put("evaluated", evaluated);
        o.put("prompt", prompt);
        o.put("nodes", nodes);
        o.put("wall_ms", wallMillis);
        if (Double.isNaN(agreement)) {
            o.putNull("agreement");
        } else {
            o.put("agreement", agreement);
        }
        return o.toString();
    }

    /** Reads a line back; throws IllegalArgumentException when it is not one. */
    static ResultLine parse(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            if (!o.hasNonNull("problem") || !o.hasNonNull("strategy") || !o.hasNonNull("verdict")) {
                throw new IllegalArgumentException("not a result line");
            }
            return new ResultLine(o.get("problem").asText(), o.get("strategy").asText(), o.path("seed").asLong(),
                    o.hasNonNull("answer") ? o.get("answer").asText() : null, Verdict.valueOf(o.get("verdict").asText()),
                    o.path("generated").asLong(), o.path("evaluated").asLong(), o.path("prompt").asInt(),
                    o.path("nodes").asInt(), o.path("wall_ms").asLong(),
                    o.hasNonNull("agreement") ? o.get("agreement").asDouble() : Double.NaN);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
