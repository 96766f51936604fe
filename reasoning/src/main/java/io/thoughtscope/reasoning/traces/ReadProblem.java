package io.thoughtscope.reasoning.traces;

/**
 * Something in a trace file that could not be read. Reading goes on after it.
 *
 * @param source  the file (or paste) name as given to the reader
 * @param line    the 1-based line (JSONL, plain text, a malformed JSON document) or record index
 *                (JSON array, container, stream of objects) it concerns; 0 for the file as a whole
 * @param message what went wrong, starting with where ({@code line 7: malformed JSON: ...},
 *                {@code record 3: field 'x' not found ...}) unless it concerns the whole file
 */
public record ReadProblem(String source, int line, String message) {

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
