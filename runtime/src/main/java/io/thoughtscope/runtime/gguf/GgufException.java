package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A GGUF file that must not be handed to llama.cpp, with what is wrong, where (byte offset, or -1 when the problem
 * has no single place) and in which file. An {@link IOException}, as a corrupt file is an input problem.
 */
public final class GgufException extends IOException {

    /** What kind of problem; the message says the specifics. */
    public enum Problem {
        NOT_GGUF, UNSUPPORTED_VERSION, TRUNCATED, IMPLAUSIBLE_COUNT, IMPLAUSIBLE_LENGTH, INVALID_NAME, DUPLICATE,
        UNKNOWN_VALUE_TYPE, WRONG_VALUE_TYPE, NESTING_TOO_DEEP, UNKNOWN_TENSOR_TYPE, INVALID_SHAPE,
        INVALID_ALIGNMENT, MISALIGNED_TENSOR, TENSOR_OUT_OF_BOUNDS, OVERLAPPING_TENSORS, MISSING_ARCHITECTURE,
        UNSUPPORTED_ARCHITECTURE, NOT_LOADABLE
    }

    private final Problem problem;
    private final String detail;
    private final Path file;
    private final long offset;

    public GgufException(Problem problem, String detail, Path file, long offset) {
        super(detail + (offset >= 0 ? " (at byte offset " + offset + " of " + file + ")" : " (in " + file + ")"));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.detail = detail;
        this.file = file;
        this.offset = offset;
    }

    public Problem problem() {
        return problem;
    }

    /** The message without the file and offset, for a UI that shows those apart. */
    public String detail() {
        return detail;
    }

    public Path file() {
        return file;
    }

    /** Byte offset in the file where the problem was found, or -1. */
    public long offset() {
        return offset;
    }
}
