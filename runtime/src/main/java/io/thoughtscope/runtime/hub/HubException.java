package io.thoughtscope.runtime.hub;

/** A download could not be done; the message says why and what to do. */
public class HubException extends RuntimeException {

    /** What went wrong. */
    public enum Kind { NOT_FOUND, GATED, NO_CHECKSUM, CHECKSUM_MISMATCH, NO_SPACE, NOT_GGUF, NETWORK, REFUSED }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        this(kind, message, null);
    }

    public HubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
