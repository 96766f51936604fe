package io.thoughtscope.store.imports;

/** A record that cannot be imported; the message says why, the line says where. */
final class Malformed extends Exception {

    private final int line;

    Malformed(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
