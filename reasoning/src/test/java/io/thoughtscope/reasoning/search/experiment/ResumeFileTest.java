package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeFileTest {

    @TempDir
    Path dir;

    private static ResultLine line(String problem, Verdict v) {
        return new ResultLine(problem, "chain max-tokens=4096", 3, v == Verdict.CORRECT ? "4" : null, v, 120, 150, 30, 3,
                45, Double.NaN);
    }

    @Test
    void finishedRunsAreReadBackAfterReopening() throws IOException {
        Path f = dir.resolve("sub/resume.jsonl");
        try (ResumeFile r = ResumeFile.open(f)) {
            r.append(line("p1", Verdict.CORRECT));
            r.append(new ResultLine("p2", "self-consistency n=\"8\"", 3, "a \"quoted\"\nanswer", Verdict.INCORRECT, 1, 2,
                    3, 4, 5, 0.625));
        }
        try (ResumeFile r = ResumeFile.open(f)) {
            assertThat(r.lines()).hasSize(2);
            assertThat(r.contains(new ResumeFile.Key("p1", "chain max-tokens=4096"))).isTrue();
            assertThat(r.get(new ResumeFile.Key("p1", "chain max-tokens=4096"))).isEqualTo(line("p1", Verdict.CORRECT));
            ResultLine p2 = r.get(new ResumeFile.Key("p2", "self-consistency n=\"8\""));
            assertThat(p2.answer()).isEqualTo("a \"quoted\"\nanswer");
            assertThat(p2.agreement()).isEqualTo(0.625);
            assertThat(r.damaged()).isEmpty();
        }
        assertThat(Files.readAllLines(f)).hasSize(2);
    }

    @Test
    void aLineTornByACrashIsDroppedAndTheNextWriteStartsClean() throws IOException {
        Path f = dir.resolve("resume.jsonl");
        try (ResumeFile r = ResumeFile.open(f)) {
            r.append(line("p1", Verdict.CORRECT));
        }
        String torn = line("p2", Verdict.CORRECT).toJson();
        Files.writeString(f, torn.substring(0, torn.length() / 2), StandardOpenOption.APPEND);
        try (ResumeFile r = ResumeFile.open(f)) {
            assertThat(r.lines()).extracting(ResultLine::problem).containsExactly("p1");
            assertThat(r.damaged()).containsExactly("an incomplete last line was dropped");
            r.append(line("p3", Verdict.INCORRECT));
        }
        assertThat(Files.readAllLines(f)).hasSize(2).allSatisfy(l -> assertThat(ResultLine.parse(l)).isNotNull());
    }

    @Test
    void aDamagedLineIsReportedAndSkipped() throws IOException {
        Path f = dir.resolve("resume.jsonl");
        Files.writeString(f, "{\"problem\": \"x\"}\n" + line("p1", Verdict.CORRECT).toJson() + "\n{oops\n");
        try (ResumeFile r = ResumeFile.open(f)) {
            assertThat(r.lines()).extracting(ResultLine::problem).containsExactly("p1");
            assertThat(r.damaged()).hasSize(2).first().asString().startsWith("line 1: not a result line");
        }
    }

    @Test
    void inMemoryResultsAreKeptWithoutAFile() throws IOException {
        try (ResumeFile r = ResumeFile.inMemory()) {
            r.append(line("p1", Verdict.CORRECT));
            assertThat(r.lines()).hasSize(1);
        }
    }
}
