package io.thoughtscope.reasoning.traces;

/** Why one record cannot be read; the reader reports it and goes on with the next. */
final class RecordProblem extends RuntimeException {
    RecordProblem(String message) {
        super(message, null, false, false); // expected and frequent in bad files: no stack trace
    }
}
