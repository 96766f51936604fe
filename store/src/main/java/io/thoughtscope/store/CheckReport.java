package io.thoughtscope.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@code thoughtscope db check}.
 *
 * @param file          the database
 * @param schemaVersion its schema version
 * @param problems      what the integrity, foreign-key and full-text checks found; empty when sound
 * @param sessions      sessions stored
 * @param runs          runs stored
 * @param nodes         nodes stored
 * @param tokens        tokens stored
 * @param bytes         size of the database file (the write-ahead log not counted)
 */
public record CheckReport(Path file, int schemaVersion, List<String> problems, long sessions, long runs, long nodes,
                          long tokens, long bytes) {

    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
