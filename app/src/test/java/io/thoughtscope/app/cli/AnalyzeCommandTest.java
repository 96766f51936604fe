package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ThoughtscopeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three GSM8K-style records: right, wrong, cut off. */
    private Path gsm8k() throws IOException {
        Path f = dir.resolve("gsm8k.jsonl");
        List<String> lines = List.of(
                json("q1", "Natalia sold clips to 48 friends in April, and half as many in May. How many in all?",
                        "Okay, so in April she sold 48. In May half as many: 48 / 2 = 24. Wait, let me double-check: 24 × 2 = 48. Yes.\n\nSo 48 + 24 = 72.\n</think>\n\nShe sold $\\boxed{72}$ clips.",
                        "In May she sold 48/2 = 24.\nIn total 48+24 = 72.\n#### 72"),
                json("q2", "Weng earns $12 an hour. She did 50 minutes of babysitting. How much did she earn?",
                        "Let me compute 12 × 50 = 600. So the answer is 600.\n</think>\n\nThe answer is $\\boxed{600}$.",
                        "12/60 = 0.2 per minute. 0.2 × 50 = 10.\n#### 10"),
                json("q3", "What is 2+2?", "<think>\nLet me think. 2 + 2 is", "#### 4"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static String json(String id, String question, String output, String answer) {
        try {
            return JSON.writeValueAsString(java.util.Map.of("id", id, "question", question, "output", output, "answer", answer));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tablePrintsOneRowPerTraceAndAccuracyWithAGroundTruthField() throws IOException {
        Result r = run("analyze", "--ground-truth-field", "answer", gsm8k().toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.getFirst()).contains("STATUS").contains("VERDICT");
        assertThat(lines.get(1)).contains("q1").contains("complete").contains("72").contains("correct");
        assertThat(lines.get(2)).contains("q2").contains("600").contains("wrong");
        assertThat(lines.get(3)).contains("q3").contains("cut off").contains("wrong");
        assertThat(r.out()).contains("3 traces").contains("1 cut off").contains("accuracy 33.3% (1 of 3)");
    }

    @Test
    void jsonRowsCarryFiguresMomentsAndCandidates() throws IOException {
        Result r = run("analyze", "-f", "json", "-g", "answer", "--steps", gsm8k().toString());
        assertThat(r.code()).isZero();
        List<JsonNode> rows = r.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertThat(rows).hasSize(3);
        JsonNode first = rows.getFirst();
        assertThat(first.get("id").asText()).isEqualTo("q1");
        assertThat(first.get("verdict").asText()).isEqualTo("correct");
        assertThat(first.get("ground_truth").asText()).isEqualTo("72");
        assertThat(first.get("final_answer").asText()).isEqualTo("72");
        assertThat(first.get("moments_aha").asInt()).isEqualTo(1);
        assertThat(first.get("moments_self_verification").asInt()).isEqualTo(1);
        assertThat(first.get("moment_list")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first.get("steps_list").get(0).get("label").asText()).isNotBlank();
        assertThat(rows.get(2).get("completeness").asText()).isEqualTo("thinking_cut_off");
        assertThat(rows.get(2).get("final_answer").isNull()).isTrue();
        // the summary goes to stderr so stdout stays JSON
        assertThat(r.err()).contains("accuracy 33.3%");
    }

    @Test
    void csvHasAHeaderAndQuotesFields() throws IOException {
        Result r = run("analyze", "--format", "csv", gsm8k().toString());
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).startsWith("source,line,id,").contains("steps_self_checking", "moments_backtrack");
        assertThat(lines.get(1)).contains("q1");
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineAndTheRestAnalysed() throws IOException {
        Path f = dir.resolve("mixed.jsonl");
        Files.writeString(f, """
                {"output": "<think>Wait, 2+2=4.</think>The answer is 4."}
                {"output": "broken
                {"output": "<think>Hmm.</think>The answer is 5."}
                """);
        Result r = run("analyze", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.err()).contains("mixed.jsonl:2");
        assertThat(r.out()).contains("2 traces, 1 skipped");
    }

    @Test
    void plainTextTracesAndStandardInput() throws IOException {
        Path f = dir.resolve("trace.txt");
        Files.writeString(f, "Let me see. 3 + 4 = 7. Wait, let me verify: 7 - 4 = 3.\n</think>\nThe answer is 7.");
        Result r = run("analyze", "-f", "json", f.toString());
        assertThat(r.code()).isZero();
        JsonNode row = JSON.readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(row.get("final_answer").asText()).isEqualTo("7");
        assertThat(row.get("completeness").asText()).isEqualTo("complete");
    }

    @Test
    void explicitNestedFieldsAndAGsm8kReference() throws IOException {
        Path f = dir.resolve("nested.json");
        Files.writeString(f, """
                [{"problem": {"text": "What is 6 × 7?"},
                  "model_answers": {"thinking_model": "<think>6 × 7 = 42. Let me double-check: 42 / 7 = 6.</think>So it is \\\\boxed{42}."},
                  "ref": "6 times 7 is 42.\\n#### 42"}]
                """);
        Result r = run("analyze", "--text-field", "model_answers.thinking_model", "--question-field", "problem.text",
                "-g", "ref", "-f", "json", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode row = JSON.readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(row.get("verdict").asText()).isEqualTo("correct");
        assertThat(row.get("ground_truth").asText()).isEqualTo("42");
    }

    @Test
    void missingFilesFailAndBadOptionsAreUsageErrors() {
        Result missing = run("analyze", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("no such file");

        Result usage = run("analyze", "--format", "xml", "x.jsonl");
        assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("--format");

        Result noFile = run("analyze");
        assertThat(noFile.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void brokenUserLexiconNamesItsLine() throws IOException {
        Path lex = dir.resolve("cues.txt");
        Files.writeString(lex, "moment.aha eureka\nnot-a-category word\n");
        Result r = run("analyze", "--lexicon", lex.toString(), gsm8k().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("cues.txt:2");
    }

    @Test
    void theUsersLexiconInTheConfigFolderIsAlwaysRead() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("lexicon.txt"), "moment.aha  eureka\n");
        Path f = dir.resolve("t.txt");
        Files.writeString(f, "<think>Eureka! 2 + 2 = 4.</think>The answer is 4.");
        String before = System.getProperty("thoughtscope.config");
        try {
            System.setProperty("thoughtscope.config", config.toString());
            Result r = run("analyze", "-f", "json", f.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(JSON.readTree(r.out().lines().findFirst().orElseThrow()).get("moments_aha").asInt()).isEqualTo(1);

            System.setProperty("thoughtscope.config", dir.resolve("no-config").toString());
            Result without = run("analyze", "-f", "json", f.toString());
            assertThat(JSON.readTree(without.out().lines().findFirst().orElseThrow()).get("moments_aha").asInt()).isZero();
        } finally {
            if (before == null) {
                System.clearProperty("thoughtscope.config");
            } else {
                System.setProperty("thoughtscope.config", before);
            }
        }
    }

    @Test
    void helpAndVersionEverywhere() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("analyze").contains("Exit codes");
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("Thoughtscope ");
        Result subHelp = run("analyze", "--help");
        assertThat(subHelp.code()).isZero();
        assertThat(subHelp.out()).contains("--ground-truth-field").contains("Exit codes");
        assertThat(run("analyze", "--version").out()).startsWith("Thoughtscope ");
        assertThat(run("frobnicate").code()).isEqualTo(ExitCodes.USAGE);
    }
}
