package io.thoughtscope.reasoning.traces;

/**
 * Where a record lies, for ids and messages.
 *
 * @param file the file name used in default ids
 * @param unit {@code line} (JSONL, plain text) or {@code record} (JSON arrays, containers)
 * @param line the 1-based line or record index
 */
record Where(String file, String unit, int line) {

    static Where line(String file, int line) {
        return new Where(file, "line", line);
    }

    static Where record(String file, int index) {
        return new Where(file, "record", index);
    }

    /** "line 7", "record 3": how messages start. */
    String at() {
        return unit + " " + line;
    }

    /** The id of a record without an id field. */
    String defaultId() {
        return file + ":" + line;
    }
}
