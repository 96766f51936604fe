package io.thoughtscope.reasoning.search.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemFileTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path f = dir.resolve("problems.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void readsQuestionsTruthsAndIdsAndSaysWhichLinesItLeftOut() throws IOException {
        Path f = write(
                "{\"id\": \"a\", \"question\": \"2+2?\", \"answer\": \"Add them. #### 4\"}",
                "{\"problem\": \"Half of 1?\", \"answer\": 0.50, \"unique_id\": \"b\"}",
                "",
                "{\"question\": \"no truth\"}",
                "not json",
                "{\"id\": \"a\", \"question\": \"dup\", \"answer\": \"1\"}",
                "[1, 2]",
                "{\"question\": \"3+3?\", \"answer\": 6}");
        ProblemFile.Loaded loaded = ProblemFile.read(f, new ProblemFile.Fields(null, "answer", null));
        assertThat(loaded.problems()).extracting(ExperimentProblem::id).containsExactly("a", "b", "8");
        assertThat(loaded.problems()).extracting(p -> p.problem().question()).containsExactly("2+2?", "Half of 1?", "3+3?");
        assertThat(loaded.problems()).extracting(p -> p.problem().groundTruth())
                .containsExactly("Add them. #### 4", "0.50", "6");
        assertThat(loaded.skipped()).containsExactly(
                "problems.jsonl:4: no ground truth in field 'answer'",
                "problems.jsonl:5: malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "problems.jsonl:6: the id 'a' was used before",
                "problems.jsonl:7: not a JSON object");
    }

    @Test
    void namedFieldsMayBeDottedPaths() throws IOException {
        Path f = write("{\"meta\": {\"key\": 7}, \"q\": {\"text\": \"Why?\"}, \"sol\": [\"x\", \"\\\\boxed{2}\"]}");
        ProblemFile.Loaded loaded = ProblemFile.read(f, new ProblemFile.Fields("q.text", "sol.1", "meta.key"));
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("7");
            assertThat(p.problem().question()).isEqualTo("Why?");
            assertThat(p.problem().groundTruth()).isEqualTo("\\boxed{2}");
        });
        ProblemFile.Loaded missing = ProblemFile.read(f, new ProblemFile.Fields("question", "sol.1", null));
        assertThat(missing.skipped()).containsExactly("problems.jsonl:1: no question (field 'question')");
    }

    @Test
    void theTruthFieldMustBeNamed() {
        assertThatThrownBy(() -> new ProblemFile.Fields(null, " ", null)).hasMessageContaining("--answer-field");
    }
}
