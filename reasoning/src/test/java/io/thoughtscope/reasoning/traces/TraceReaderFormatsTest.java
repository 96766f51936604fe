package io.thoughtscope.reasoning.traces;

import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.ThinkFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** File formats: detection, streaming, line numbers, encodings and broken input. */
class TraceReaderFormatsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void jsonArrayRecordsAreNumberedByIndex() throws IOException {
        Path f = write("math.json", """
                [
                  {
                    "question": "What is 2 + 3?",
                    "reasoning_content": "2 plus 3 is 5.",
                    "content": "The answer is 5.",
                    "ground_truth": 5
                  },
                  {
                    "problem": "What is 3 + 4?",
                    "response": "<think>\\n3 and 4 make 7.\\n</think>\\n\\n\\\\boxed{7}",
                    "answer": "7"
                  }
                ]
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 2);
        assertThat(r.records).extracting(TraceRecord::id).containsExactly("math.json:1", "math.json:2");
        assertThat(r.records).extracting(TraceRecord::source).containsOnly(f.toString());
        TraceRecord first = r.records.get(0);
        assertThat(first.question()).isEqualTo("What is 2 + 3?");
        assertThat(first.trace().format()).isEqualTo(ThinkFormat.SEPARATE);
        assertThat(first.trace().thinkingText()).isEqualTo("2 plus 3 is 5.");
        assertThat(first.trace().answerText()).isEqualTo("The answer is 5.");
        assertThat(first.groundTruth()).isEqualTo("5");
        TraceRecord second = r.records.get(1);
        assertThat(second.trace().format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(second.trace().thinkingText()).isEqualTo("\n3 and 4 make 7.\n");
        assertThat(second.trace().answerText()).contains("\\boxed{7}");
        assertThat(second.groundTruth()).isEqualTo("7");
    }

    @Test
    void jsonlIsReadLineByLineAndBlankLinesAreSkippedSilently() throws IOException {
        Path f = write("runs.jsonl", """
                {"prompt": "1+1?", "output": "<think>one and one</think>2"}

                {"prompt": "2+2?", "output": "<think>two and two</think>4"}
                   \t
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 3);
        assertThat(r.records).extracting(TraceRecord::id).containsExactly("runs.jsonl:1", "runs.jsonl:3");
        assertThat(r.records).extracting(t -> t.trace().answerText()).containsExactly("2", "4");
    }

    @Test
    void malformedJsonlLinesAreReportedWithTheirLineAndTheRestIsRead() throws IOException {
        String bad = "{\"question\": \"x\", }";
        Path f = write("mixed.jsonl", String.join("\n",
                "{\"question\": \"q1\", \"response\": \"a1\"}",
                "{\"question\": \"q2\", \"response\": \"a2\"}",
                bad,
                "{\"question\": \"q4\", \"response\": \"a4\"}",
                "{\"question\": \"q5\", \"response\": \"cut off mid-wri",
                "{\"question\": \"q6\", \"response\": \"a6\"}",
                "{\"question\": \"q7\", \"response\": \"a7\"}{\"question\": \"q7b\"}",
                "{\"question\": \"q8\", \"response\": \"a8\"}") + "\n");
        TraceReads r = TraceReads.of(f);

        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1", "q2", "q4", "q6", "q8");
        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 2, 4, 6, 8);
        assertThat(r.problems).extracting(ReadProblem::line).containsExactly(3, 5, 7);
        assertThat(r.problems).extracting(ReadProblem::source).containsOnly(f.toString());
        assertThat(r.problems.get(0).message())
                .startsWith("line 3: malformed JSON: Unexpected character ('}'")
                .endsWith("at column " + (bad.indexOf('}') + 1));
        assertThat(r.problems.get(1).message()).startsWith("line 5: malformed JSON: ").contains("end-of-input");
        assertThat(r.problems.get(2).message()).startsWith("line 7: malformed JSON: more than one value on the line");
        assertThat(r.messages()).noneMatch(m -> m.contains("[Source") || m.contains("\n"));
        assertThat(r.problems.get(0).toString()).isEqualTo(f + ": " + r.problems.get(0).message());
    }

    @Test
    void aCutOffFirstLineStillReadsAsJsonl() throws IOException {
        Path f = write("first-bad.jsonl", """
                {"question": "q1", "response": "<think>I was cut off in the mid
                {"question": "q2", "response": "a2"}
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q2");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("line 1: malformed JSON: ");
        });
    }

    @Test
    void containerObjectYieldsItsArrayOfRecordsAndLendsItsModel() throws IOException {
        Path f = write("eval.json", """
                {
                  "model": "QwQ-32B",
                  "benchmark": "gsm8k",
                  "results": [
                    {"question": "q1", "response": "<think>t1</think>a1", "gt": "1"},
                    {"question": "q2", "response": "<think>t2</think>a2", "gt": "2", "model": "R1"}
                  ]
                }
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1", "q2");
        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 2);
        assertThat(r.records).extracting(TraceRecord::model).containsExactly("QwQ-32B", "R1");
        assertThat(r.records).extracting(TraceRecord::groundTruth).containsExactly("1", "2");
    }

    @Test
    void aPrettyPrintedContainerWhoseSecondLineIsAWholeObjectIsNotJsonl() {
        TraceReads r = TraceReads.of(FieldMapping.auto(), """
                {"traces": [
                  {"question": "q1", "response": "a1"}
                ]}
                """, "container.json");

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1");
    }

    @Test
    void huggingFaceRowsAreUnwrapped() {
        TraceReads r = TraceReads.of(FieldMapping.auto(), """
                {"features": [], "rows": [
                  {"row_idx": 0, "row": {"problem": "p0", "generation": "<think>x</think>0"}, "truncated_cells": []},
                  {"row_idx": 1, "row": {"problem": "p1", "generation": "<think>y</think>1"}, "truncated_cells": []}
                ]}""", "rows.json");

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::question).containsExactly("p0", "p1");
    }

    @Test
    void aPrettyPrintedSingleObjectIsOneRecord() throws IOException {
        Path f = write("one.json", """
                {
                  "id": "q-9",
                  "question": "Is 91 prime?",
                  "thinking": "91 = 7 * 13.",
                  "response": "No."
                }
                """);
        TraceRecord t = TraceReads.of(f).only();

        assertThat(t.id()).isEqualTo("q-9");
        assertThat(t.line()).isEqualTo(1);
        assertThat(t.trace().thinkingText()).isEqualTo("91 = 7 * 13.");
    }

    @Test
    void aOneLineObjectWithoutMoreLinesIsOneRecord() throws IOException {
        Path f = write("single.jsonl", "{\"question\": \"q\", \"response\": \"<think>t</think>a\"}");
        TraceRecord t = TraceReads.of(f).only();

        assertThat(t.question()).isEqualTo("q");
        assertThat(t.line()).isEqualTo(1);
    }

    @Test
    void concatenatedPrettyPrintedObjectsAreRecordsInOrder() throws IOException {
        Path f = write("stream.json", """
                {
                  "question": "q1",
                  "response": "a1"
                }
                {
                  "question": "q2",
                  "response": "a2"
                }
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1", "q2");
        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 2);
    }

    @Test
    void aMalformedPrettyPrintedObjectNamesTheLineInTheFile() throws IOException {
        Path f = write("broken.json", """
                {
                  "question": "q1",
                  "response": "a1",,
                }
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.records).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("line 3: malformed JSON: ").contains("at column");
        });
    }

    @Test
    void aJsonArrayBrokenMidwayKeepsTheRecordsBeforeTheBreak() throws IOException {
        Path f = write("broken.json", """
                [
                  {"question": "q1", "response": "a1"},
                  {"question": "q2", "response": "a2"},
                  {"question": "q3", "response": "a3" "extra": 1},
                  {"question": "q4", "response": "a4"}
                ]
                """);
        TraceReads r = TraceReads.of(f);

        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1", "q2");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("record 3: malformed JSON: ").contains("at line 4, column");
        });
    }

    @Test
    void plainTextFileWithThinkTagsIsOneTrace() throws IOException {
        Path f = write("trace.txt", "<think>\nLet me compute 12 * 12.\nThat is 144.\n</think>\n\nThe answer is 144.\n");
        TraceRecord t = TraceReads.of(f).only();

        assertThat(t.id()).isEqualTo("trace.txt:1");
        assertThat(t.line()).isEqualTo(1);
        assertThat(t.question()).isNull();
        assertThat(t.groundTruth()).isNull();
        assertThat(t.trace().format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(t.trace().completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(t.trace().thinkingText()).contains("12 * 12");
        assertThat(t.trace().answerText()).isEqualTo("\n\nThe answer is 144.\n");
    }

    @Test
    void contentNotStartingWithJsonIsPlainTextWhateverTheExtension() throws IOException {
        Path f = write("notes.jsonl", "Okay, so the user asks for 6 * 7.\n</think>\n42");
        TraceRecord t = TraceReads.of(f).only();

        assertThat(t.trace().format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(t.trace().answerText()).isEqualTo("\n42");
    }

    @Test
    void textThatMerelyStartsWithABracketIsPlainText() {
        TraceRecord bracket = TraceReads.of(FieldMapping.auto(), "[Step 1] 6 * 7 = 42\n</think>\n42", null).only();
        TraceRecord brace = TraceReads.of(FieldMapping.auto(), "{x | x > 0} is open.\n</think>\nyes", null).only();

        assertThat(bracket.trace().answerText()).isEqualTo("\n42");
        assertThat(bracket.id()).isEqualTo("pasted:1");
        assertThat(bracket.source()).isEqualTo("pasted");
        assertThat(brace.trace().answerText()).isEqualTo("\nyes");
    }

    @Test
    void markdownIsPlainTextEvenWhenItLooksLikeJson() throws IOException {
        Path f = write("answer.md", "{\"not\": \"parsed\"}");
        TraceRecord t = TraceReads.of(f).only();

        assertThat(t.trace().text()).isEqualTo("{\"not\": \"parsed\"}");
        assertThat(t.trace().format()).isEqualTo(ThinkFormat.NONE);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedInEveryFormat() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path jsonl = writeBytes("bom.jsonl", concat(bom,
                "{\"question\": \"q1\", \"response\": \"a1\"}\n{\"question\": \"q2\", \"response\": \"a2\"}\n"));
        Path array = writeBytes("bom.json", concat(bom, "[{\"question\": \"q\", \"response\": \"a\"}]"));
        Path text = writeBytes("bom.txt", concat(bom, "<think>t</think>a"));

        assertThat(TraceReads.of(jsonl).records).extracting(TraceRecord::question).containsExactly("q1", "q2");
        assertThat(TraceReads.of(jsonl).problems).isEmpty();
        assertThat(TraceReads.of(array).only().question()).isEqualTo("q");
        TraceRecord plain = TraceReads.of(text).only();
        assertThat(plain.trace().text()).isEqualTo("<think>t</think>a");
        assertThat(TraceReads.of(FieldMapping.auto(), "\uFEFF{\"question\": \"p\", \"response\": \"r\"}", "x").only()
                .question()).isEqualTo("p");
    }

    @Test
    void windowsLineEndsAreHandled() throws IOException {
        Path jsonl = write("crlf.jsonl",
                "{\"question\": \"q1\", \"response\": \"a1\"}\r\n\r\n{\"question\": \"q2\", \"response\": \"a2\"}\r\n");
        Path text = write("crlf.txt", "<think>\r\nfirst\r\n\r\nsecond\r\n</think>\r\n\r\nanswer\r\n");

        TraceReads r = TraceReads.of(jsonl);
        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 3);
        assertThat(r.records).extracting(t -> t.trace().answerText()).containsExactly("a1", "a2");
        TraceRecord plain = TraceReads.of(text).only();
        assertThat(plain.trace().text()).doesNotContain("\r");
        assertThat(plain.trace().thinkingText()).isEqualTo("\nfirst\n\nsecond\n");
        assertThat(plain.trace().answerText()).isEqualTo("\n\nanswer\n");
    }

    @Test
    void chineseTextSurvivesEveryFormat() throws IOException {
        Path jsonl = write("zh.jsonl", """
                {"question": "小明有3个苹果，又买了5个，一共有几个？", "response": "<think>嗯，3加5等于8。等等，再检查一下：没错。</think>答案是 8", "answer": "8"}
                {"question": "鸡兔同笼，共35个头，94只脚，兔有几只？", "reasoning_content": "设兔x只，则4x+2(35-x)=94，x=12。", "content": "兔有12只。"}
                """);
        Path text = write("zh.txt", "<think>让我想想……</think>答案是 42");

        TraceReads r = TraceReads.of(jsonl);
        assertThat(r.problems).isEmpty();
        assertThat(r.records.get(0).question()).isEqualTo("小明有3个苹果，又买了5个，一共有几个？");
        assertThat(r.records.get(0).trace().thinkingText()).isEqualTo("嗯，3加5等于8。等等，再检查一下：没错。");
        assertThat(r.records.get(0).trace().answerText()).isEqualTo("答案是 8");
        assertThat(r.records.get(0).groundTruth()).isEqualTo("8");
        assertThat(r.records.get(1).trace().thinkingText()).isEqualTo("设兔x只，则4x+2(35-x)=94，x=12。");
        assertThat(r.records.get(1).trace().answerText()).isEqualTo("兔有12只。");
        assertThat(TraceReads.of(text).only().trace().thinkingText()).isEqualTo("让我想想……");
    }

    @Test
    void twentyThousandLinesAreStreamedToTheEnd() throws IOException {
        Path f = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            for (int i = 1; i <= 20_000; i++) {
                w.write("{\"id\": " + i + ", \"question\": \"What is " + i + " + 1?\", \"response\": \"<think>"
                        + i + " plus one</think>" + (i + 1) + "\", \"ground_truth\": " + (i + 1) + "}\n");
            }
        }
        int[] count = {0};
        int[] lastLine = {0};
        int returned = new TraceReader(FieldMapping.auto()).read(f, t -> {
            count[0]++;
            lastLine[0] = t.line();
        }, p -> {
            throw new AssertionError(p.toString());
        });

        assertThat(returned).isEqualTo(20_000);
        assertThat(count[0]).isEqualTo(20_000);
        assertThat(lastLine[0]).isEqualTo(20_000);
    }

    @Test
    void aBinaryFileGivesOneClearProblemAndNoRecords() throws IOException {
        byte[] png = new byte[8192];
        new Random(42).nextBytes(png);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        Path f = writeBytes("image.jsonl", png);

        TraceReads r = TraceReads.of(f);
        assertThat(r.records).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.source()).isEqualTo(f.toString());
            assertThat(p.message()).startsWith("binary file");
        });
    }

    @Test
    void garbageWithoutNulBytesIsNotTakenForText() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == 0) {
                garbage[i] = (byte) 0xC3; // no NUL: the UTF-8 check must catch it
            }
        }
        TraceReads r = TraceReads.of(writeBytes("noise.txt", garbage));

        assertThat(r.records).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("not UTF-8 text"));
    }

    @Test
    void latin1TextIsReportedAsNotUtf8() throws IOException {
        Path f = writeBytes("latin1.txt", "<think>caf\u00e9 na\u00efve</think>ok".getBytes(StandardCharsets.ISO_8859_1));
        TraceReads r = TraceReads.of(f);

        assertThat(r.records).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.message()).startsWith("not UTF-8 text (byte 0xE9 at offset 10)");
        });
    }

    @Test
    void aJsonlLineWithInvalidUtf8IsReportedAndTheRestIsRead() throws IOException {
        byte[] content = concat(
                "{\"question\": \"q1\", \"response\": \"a1\"}\n".getBytes(StandardCharsets.UTF_8),
                "{\"question\": \"caf\u00e9\", \"response\": \"a2\"}\n".getBytes(StandardCharsets.ISO_8859_1),
                "{\"question\": \"q3\", \"response\": \"a3\"}\n".getBytes(StandardCharsets.UTF_8));
        TraceReads r = TraceReads.of(writeBytes("mixed-encoding.jsonl", content));

        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1", "q3");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).isEqualTo("line 2: invalid UTF-8 (byte 0xE9 at byte 18 of the line)");
        });
    }

    @Test
    void utf16AndEmptyFilesAreReportedNotThrown() throws IOException {
        Path utf16 = writeBytes("utf16.jsonl", "\uFEFF{\"question\": \"q\"}".getBytes(StandardCharsets.UTF_16LE));
        Path empty = write("empty.jsonl", "");
        Path blank = write("blank.json", "  \n\n \t\n");

        assertThat(TraceReads.of(utf16).messages()).containsExactly("UTF-16 text is not supported: save the file as UTF-8");
        assertThat(TraceReads.of(empty).messages()).containsExactly("empty file: no traces");
        assertThat(TraceReads.of(blank).messages()).containsExactly("empty file: no traces");
        assertThat(TraceReads.of(empty).records).isEmpty();
    }

    @Test
    void aMissingFileThrows() {
        assertThatThrownBy(() -> new TraceReader(FieldMapping.auto()).read(dir.resolve("nope.jsonl"), t -> {
        }, p -> {
        })).isInstanceOf(IOException.class);
    }

    @Test
    void nonObjectRecordsAreReportedAndBareStringsAreTraces() {
        TraceReads r = TraceReads.of("""
                {"question": "q", "response": "a"}
                42
                "<think>just a string</think>done"
                [1, 2]
                """);

        assertThat(r.records).extracting(TraceRecord::line).containsExactly(1, 3);
        assertThat(r.records.get(1).trace().answerText()).isEqualTo("done");
        assertThat(r.records.get(1).id()).isEqualTo("paste.jsonl:3");
        assertThat(r.messages()).containsExactly(
                "line 2: expected a JSON object, found a number",
                "line 4: expected a JSON object, found an array");
    }

    @Test
    void pastedJsonArrayAndJsonlReadLikeFiles() {
        TraceReads array = TraceReads.of(FieldMapping.auto(),
                "[{\"question\": \"q1\", \"response\": \"a1\"}, {\"question\": \"q2\", \"response\": \"a2\"}]", "clip");
        TraceReads lines = TraceReads.of(FieldMapping.auto(),
                "{\"question\": \"q1\", \"response\": \"a1\"}\n{\"question\": \"q2\", \"response\": \"a2\"}", "clip");

        assertThat(array.records).extracting(TraceRecord::id).containsExactly("clip:1", "clip:2");
        assertThat(lines.records).extracting(TraceRecord::id).containsExactly("clip:1", "clip:2");
        assertThat(array.problems).isEmpty();
        assertThat(lines.problems).isEmpty();
    }

    private static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
