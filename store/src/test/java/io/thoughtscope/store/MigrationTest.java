package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {

    @TempDir
    Path dir;

    /** A database as version {@code v} of Thoughtscope left it, with data in every table that version had. */
    private Path databaseAt(int v) throws SQLException {
        Path db = dir.resolve("v" + v + ".db");
        StoreOptions o = StoreOptions.defaults();
        Schema.runFlyway(db, o, String.valueOf(v));
        try (Connection c = Db.open(db, o, false)) {
            Db.exec(c, "PRAGMA user_version = " + v);
            Db.update(c, "INSERT INTO session (key, id, title, created_at, question, ground_truth) VALUES "
                    + "(1, '0190aaaa-0000-7000-8000-000000000001', 'Clips', 1700000000000, 'How many clips did Natalia sell?', '72')");
            Db.update(c, "INSERT INTO run (key, id, session_key, model, model_source, engine, backend, strategy, parameters, seed, "
                    + "started_at, finished_at, status, node_count, token_count, final_answer, verdict) VALUES "
                    + "(1, '0190aaaa-0000-7000-8000-0000000000r1', 1, 'R1-1.5B', '', 'llama.cpp', 'cpu', 'chain', '{\"t\":\"0.6\"}', "
                    + "7, 1700000000000, 1700000009000, 'COMPLETED', 2, 3, '72', 'CORRECT')");
            Db.update(c, "INSERT INTO node (run_key, id, parent_id, kind, iteration, created_nanos, text, status, chosen, visits, "
                    + "value_sum, votes) VALUES (1, 0, NULL, 'PROMPT', 0, 0, 'How many clips did Natalia sell?', 'DONE', 1, 0, 0, 0), "
                    + "(1, 1, 0, 'BRANCH', 0, 1000, '<think>48 + 24 = 72. Wait, half of 48 is 24.</think> 72', 'DONE', 1, 0, 0, 0)");
            List<Token> tokens = List.of(new Token(5, "<think>", -0.1, List.of(), 0.2, 10),
                    new Token(6, "48", Double.NaN, List.of(new TopToken(6, "48", -0.3)), Double.NaN, 20),
                    new Token(7, " + 24 = 72. Wait, half of 48 is 24.</think> 72", -1.5, List.of(), 2.0, 30));
            try (var ps = c.prepareStatement("INSERT INTO token_chunk (run_key, node_id, first_idx, count, data) VALUES (1, 1, 0, 3, ?)")) {
                ps.setBytes(1, TokenChunks.encode(tokens, new int[] {0, 7, 9}, 0, 3));
                ps.executeUpdate();
            }
            if (v >= 2) {
                Db.update(c, "INSERT INTO annotation (session_key, run_key, node_id, kind, text, created_at) VALUES "
                        + "(1, NULL, NULL, 'note', 'the distill double-checks here', 1700000001000), "
                        + "(1, NULL, NULL, 'tag', 'gsm8k', 1700000001000), (1, 1, 1, 'star', '', 1700000001000)");
                Db.update(c, "INSERT INTO analysis (key, run_key, first_node, last_node, format, completeness, thinking_start, "
                        + "thinking_end, answer_start, answer_end, ground_truth, verdict, final_answer, words, metrics, created_at) "
                        + "VALUES (1, 1, 1, 1, 'THINK_TAGS', 'COMPLETE', 7, 46, 54, 57, '72', 'CORRECT', 0, 12, '{}', 1700000001000)");
                Db.update(c, "INSERT INTO moment (analysis_key, idx, type, span_start, span_end, segment, entropy, evidence) VALUES "
                        + "(1, 0, 'AHA', 20, 25, 1, NULL, '[[\"cue\",\"Wait,\",20,25]]')");
                Db.update(c, "INSERT INTO answer (analysis_key, idx, raw, normalized, span_start, span_end, region, form, verdict) "
                        + "VALUES (1, 0, '72', '72', 55, 57, 'ANSWER', 'PHRASE', 'CORRECT')");
            }
        }
        return db;
    }

    static Stream<Integer> earlierVersions() {
        return java.util.stream.IntStream.range(1, Schema.LATEST).boxed();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("earlierVersions")
    void everyEarlierSchemaIsUpgradedWithItsDataAndABackupFirst(int version) throws Exception {
        Path db = databaseAt(version);
        try (Store store = Store.open(db)) {
            assertThat(store.migrationBackup()).isPresent();
            Path backup = store.migrationBackup().orElseThrow();
            assertThat(backup.getParent().getFileName().toString()).isEqualTo("backups");
            assertThat(backup.getFileName().toString()).startsWith("v" + version + "-v" + version + "-");
            try (Connection c = Db.open(backup, StoreOptions.defaults(), true)) {
                assertThat(Schema.version(c, backup)).as("the backup is the database before the upgrade").isEqualTo(version);
            }
            assertThat(store.check().problems()).isEmpty();
            StoredRun run = store.loadRun("0190aaaa-0000-7000-8000-0000000000r1").orElseThrow();
            assertThat(run.summary().status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.tree().node(1).text()).contains("Wait, half of 48");
            assertThat(run.tree().node(1).tokenCount()).isEqualTo(3);
            assertThat(store.sessions(SessionQuery.all().withText("half"))).hasSize(1);
            assertThat(store.sessions(SessionQuery.all().withText("Natalia"))).hasSize(1);
            if (version >= 2) {
                assertThat(store.sessions(SessionQuery.all().withText("double-checks"))).as("notes became searchable").hasSize(1);
                assertThat(store.sessions(SessionQuery.all().withTag("gsm8k").withStarred(true))).hasSize(1);
                assertThat(store.sessions(SessionQuery.all().withMoment(io.thoughtscope.reasoning.model.MomentType.AHA))).hasSize(1);
            }
        }
        try (Connection c = Db.open(db, StoreOptions.defaults(), true)) {
            assertThat(Db.queryLong(c, "PRAGMA user_version")).isEqualTo(Schema.LATEST);
        }
        try (Store again = Store.open(db)) {
            assertThat(again.migrationBackup()).as("an up-to-date database is not copied again").isEmpty();
        }
    }

    @Test
    void theLatestVersionIsTheHighestMigration() throws IOException, URISyntaxException {
        Path folder = Path.of(Schema.class.getResource("/io/thoughtscope/store/migrations").toURI());
        Pattern p = Pattern.compile("V(\\d+)__\\w+\\.sql");
        int max = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Matcher m = p.matcher(f.getFileName().toString());
                assertThat(m.matches()).as("migration file name " + f.getFileName()).isTrue();
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        assertThat(Schema.LATEST).isEqualTo(max);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDatabaseOfANewerVersionIsRefusedAndLeftUnchanged(boolean historyOnly) throws Exception {
        Path db = dir.resolve("newer.db");
        try (Store ignored = Store.open(db)) {
            // the current schema
        }
        try (Connection c = Db.open(db, StoreOptions.defaults(), false)) {
            Db.update(c, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (99, '9', 'from the future', 'SQL', 'V9__future.sql', 0, '', 0, 1)");
            if (!historyOnly) {
                Db.exec(c, "PRAGMA user_version = 9");
            }
            Db.exec(c, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        String before = sha256(db);
        assertThatThrownBy(() -> Store.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Thoughtscope").hasMessageContaining("schema version 9")
                .hasMessageContaining("left unchanged")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA));
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithAClearMessage() throws IOException {
        Path f = dir.resolve("notes.db");
        Files.writeString(f, "these are my notes, not a database ".repeat(200));
        String before = sha256(f);
        assertThatThrownBy(() -> Store.open(f)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Thoughtscope database");
        assertThat(sha256(f)).isEqualTo(before);
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws SQLException {
        Path f = dir.resolve("other.db");
        try (Connection c = Db.open(f, StoreOptions.defaults(), false)) {
            Db.exec(c, "CREATE TABLE contacts (name TEXT)");
        }
        assertThatThrownBy(() -> Store.open(f)).isInstanceOf(StoreException.class)
                .hasMessageContaining("another program");
    }

    @Test
    void everyTableIsStrict() throws SQLException {
        Path db = dir.resolve("strict.db");
        try (Store ignored = Store.open(db); Connection c = Db.open(db, StoreOptions.defaults(), true)) {
            List<String> notStrict = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT name, strict FROM pragma_table_list "
                    + "WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' "
                    + "AND name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    if (rs.getInt(2) == 0) {
                        notStrict.add(rs.getString(1));
                    }
                }
            }
            assertThat(notStrict).isEmpty();
            try (var rs = c.createStatement().executeQuery("SELECT strict FROM pragma_table_list WHERE name = 'search_doc'")) {
                assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
            }
        }
    }

    private static String sha256(Path f) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
