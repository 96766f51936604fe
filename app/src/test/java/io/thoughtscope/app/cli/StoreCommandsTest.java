package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.Store;
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

/** {@code import}, {@code sessions}, {@code export}, {@code db} and {@code analyze --save} on real database files. */
class StoreCommandsTest {

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

    Path db() {
        return dir.resolve("data/sessions.db");
    }

    Path traces() throws IOException {
        Path f = dir.resolve("gsm8k.jsonl");
        Files.writeString(f, """
                {"id": "q1", "question": "Natalia sold 48 clips in April and half as many in May. How many in all?", "output": "<think>\\nIn May 48 / 2 = 24. Wait, let me double-check: 24 x 2 = 48. So 48 + 24 = 72.\\n</think>\\n\\nThe answer is \\\\boxed{72}.", "answer": "#### 72", "model": "R1-7B"}
                {"id": "q2", "question": "Weng earns $12 an hour. She did 50 minutes of babysitting. How much did she earn?", "output": "<think>\\nAlternatively, 12 x 50 = 600.\\n</think>\\n\\n\\\\boxed{600}", "answer": "#### 10", "model": "QwQ-32B"}
                {"id": "q3", "output": "<think>\\nunterminated
                """, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void importStoresTracesReportsMalformedLinesAndAddsNothingTheSecondTime() throws IOException {
        Path f = traces();
        Result r = run("import", "--db", db().toString(), "-g", "answer", f.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.err()).contains("skipped " + f + ":3: line 3: malformed JSON");
        assertThat(r.out()).contains(f + ": 2 sessions added, 1 skipped (traces)").contains("2 sessions added to " + db().toAbsolutePath());
        Result again = run("import", "--db", db().toString(), "-g", "answer", f.toString());
        assertThat(again.out()).contains("0 sessions added, 2 stored before, 1 skipped");
        try (Store s = Store.open(db())) {
            assertThat(s.countSessions(SessionQuery.all())).isEqualTo(2);
        }
        Result missing = run("import", "--db", db().toString(), dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("error: no such file");
    }

    @Test
    void importReadsAnOpenWebUiExport() throws IOException {
        // the shape of open-webui's chat export (models/chats.py ChatResponse, Settings/Chats.svelte exportChats)
        Path f = dir.resolve("chat-export-1735812000000.json");
        Files.writeString(f, """
                [{"id": "c1", "user_id": "u1", "title": "Sum check", "chat": {"title": "Sum check", "models": ["deepseek-r1:7b"],
                  "history": {"currentId": "b", "messages": {
                    "a": {"id": "a", "parentId": null, "childrenIds": ["b"], "role": "user", "content": "What is 17 + 25?", "timestamp": 1735812000},
                    "b": {"id": "b", "parentId": "a", "childrenIds": [], "role": "assistant", "content": "<details type=\\"reasoning\\" done=\\"true\\" duration=\\"3\\">\\n<summary>Thought for 3 seconds</summary>\\n&gt; 17 + 25 = 42. Wait, let me verify: 42 - 25 = 17.\\n</details>\\nThe answer is $\\\\boxed{42}$.", "model": "deepseek-r1:7b", "timestamp": 1735812003, "done": true}}}},
                  "updated_at": 1735812003, "created_at": 1735812000, "archived": false, "pinned": false, "meta": {"tags": ["arithmetic"]}}]
                """);
        Result r = run("import", "--db", db().toString(), f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 session added (Open WebUI chats)");
        Result list = run("sessions", "--db", db().toString(), "--tag", "arithmetic", "--moment", "aha");
        assertThat(list.out()).contains("Sum check").contains("deepseek-r1:7b").contains("chat").contains("#arithmetic");
    }

    @Test
    void sessionsListsSearchesAndFilters() throws IOException {
        run("import", "--db", db().toString(), "-g", "answer", traces().toString());
        Result all = run("sessions", "--db", db().toString());
        assertThat(all.code()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("ID").contains("CREATED").contains("RESULT").contains("TITLE");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("2 sessions · ");
        Result search = run("sessions", "--db", db().toString(), "double-check");
        assertThat(search.out()).contains("Natalia sold 48").doesNotContain("Weng").contains("[double-check]");
        Result incorrect = run("sessions", "--db", db().toString(), "--result", "incorrect");
        assertThat(incorrect.out()).contains("Weng").doesNotContain("Natalia").contains("0/1");
        Result model = run("sessions", "--db", db().toString(), "--model", "r1", "-f", "json");
        List<JsonNode> rows = model.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().path("models").get(0).asText()).isEqualTo("R1-7B");
        assertThat(model.err()).contains("1 session");
        Result none = run("sessions", "--db", db().toString(), "--strategy", "mcts");
        assertThat(none.out()).startsWith("no sessions match");
        Result csv = run("sessions", "--db", db().toString(), "-f", "csv");
        assertThat(csv.out().lines().toList()).hasSize(3);
        assertThat(run("sessions", "--db", db().toString(), "--moment", "eureka").code()).isEqualTo(ExitCodes.USAGE);
        Result badDate = run("sessions", "--db", db().toString(), "--since", "yesterday");
        assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--since takes a date as YYYY-MM-DD");
        Result limited = run("sessions", "--db", db().toString(), "--limit", "1");
        assertThat(limited.out()).contains("showing 1 of 2 sessions");
    }

    @Test
    void exportWritesJsonlCsvAndMarkdown() throws IOException {
        run("import", "--db", db().toString(), "-g", "answer", traces().toString());
        String id;
        try (Store s = Store.open(db())) {
            id = s.sessions(SessionQuery.all().withText("Natalia")).getFirst().id();
        }
        Result jsonl = run("export", "--db", db().toString(), "--session", id.substring(0, 30), "--format", "jsonl", "--tokens");
        assertThat(jsonl.code()).as(jsonl.err()).isZero();
        JsonNode row = JSON.readTree(jsonl.out().lines().findFirst().orElseThrow());
        assertThat(row.path("messages").get(1).path("reasoning_content").asText()).startsWith("In May");
        assertThat(row.path("session_id").asText()).isEqualTo(id);
        assertThat(jsonl.err()).contains("exported 1 run");

        Path md = dir.resolve("out/report.md");
        Result report = run("export", "--db", db().toString(), "--all", "--format", "md", "-o", md.toString(), "--title", "Sample");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(md)).startsWith("# Sample\n").contains("Natalia sold 48").contains("Weng earns");
        assertThat(report.err()).contains("exported 2 runs to " + md);

        Result csv = run("export", "--db", db().toString(), "--search", "Weng", "--format", "csv");
        assertThat(csv.out().split("\r\n")).hasSize(2);
        Result filtered = run("export", "--db", db().toString(), "--result", "correct", "--format", "csv");
        assertThat(filtered.out()).contains("R1-7B").doesNotContain("QwQ");

        assertThat(run("export", "--db", db().toString(), "--format", "md").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("export", "--db", db().toString(), "--all", "--format", "csv", "--tokens").code()).isEqualTo(ExitCodes.USAGE);
        Result unknown = run("export", "--db", db().toString(), "--session", "ffffffff-0000", "--format", "md");
        assertThat(unknown.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).startsWith("error: No session ffffffff-0000").doesNotContain("Exception");
    }

    @Test
    void analyzeSaveStoresEachTraceWithItsAnalysis() throws IOException {
        Path f = traces();
        Result r = run("analyze", "--save", "--db", db().toString(), "-g", "answer", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL); // the malformed third line
        assertThat(r.out()).contains("q1").contains("correct");
        assertThat(r.err()).contains("saved 2 traces to " + db().toAbsolutePath());
        Result again = run("analyze", "--save", "--db", db().toString(), "-g", "answer", f.toString());
        assertThat(again.err()).contains("saved 0 traces").contains("(2 stored before)");
        Result list = run("sessions", "--db", db().toString(), "--result", "correct");
        assertThat(list.out()).contains("Natalia sold 48").contains("1/1");
    }

    @Test
    void dbBackupCheckRestoreAndPath() throws IOException {
        run("import", "--db", db().toString(), "-g", "answer", traces().toString());
        Path copy = dir.resolve("copy.db");
        Result backup = run("db", "backup", "--db", db().toString(), copy.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("backed up").contains(copy.toString());
        Result check = run("db", "check", "--db", db().toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("schema version " + Store.schemaVersion()).contains("2 sessions").contains("ok: no problems found");
        run("import", "--db", db().toString(), dir.resolve("gsm8k.jsonl").toString(), "--id-field", "id", "--question-field", "id");
        Result restore = run("db", "restore", "--db", db().toString(), copy.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored").contains("the database as it was is kept in");
        Result path = run("db", "path", "--db", db().toString());
        assertThat(path.out().strip()).isEqualTo(db().toAbsolutePath().toString());
        assertThat(run("db").code()).isEqualTo(ExitCodes.USAGE);
        Result backupOver = run("db", "backup", "--db", db().toString(), copy.toString());
        assertThat(backupOver.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(backupOver.err()).contains("exists already");
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedWithASentence() throws Exception {
        try (Store s = Store.open(db())) {
            s.countSessions(SessionQuery.all());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db()); var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 42");
        }
        Result r = run("sessions", "--db", db().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).startsWith("error: ").contains("newer Thoughtscope").contains("schema version 42")
                .doesNotContain("Exception").doesNotContain("\tat ");
        Path notDb = dir.resolve("notes.txt");
        Files.writeString(notDb, "not a database ".repeat(100));
        Result r2 = run("sessions", "--db", notDb.toString());
        assertThat(r2.err()).contains("is not a Thoughtscope database");
    }

    @Test
    void everyStoreCommandHasHelpAndVersion() {
        for (String[] cmd : List.of(new String[] {"import"}, new String[] {"sessions"}, new String[] {"export"},
                new String[] {"db"}, new String[] {"db", "backup"}, new String[] {"db", "restore"}, new String[] {"db", "check"},
                new String[] {"db", "path"})) {
            String[] help = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Result h = run(help);
            assertThat(h.code()).as(String.join(" ", help)).isZero();
            assertThat(h.out()).contains("Usage: thoughtscope " + String.join(" ", cmd)).contains("Exit codes:");
            String[] version = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of("--version"))
                    .toArray(String[]::new);
            assertThat(run(version).out()).startsWith("Thoughtscope ");
        }
        assertThat(run("import", "--help").out()).contains("--db=PATH").contains("--ground-truth-field");
        assertThat(run("analyze", "--help").out()).contains("--save").contains("--db=PATH");
    }
}
