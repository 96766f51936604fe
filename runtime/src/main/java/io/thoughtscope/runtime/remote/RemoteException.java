package io.thoughtscope.runtime.remote;

/**
 * A server could not be reached, refused a request, or failed in the middle of one. The message
 * names the server and says what happened; an API key never appears in it.
 */
public class RemoteException extends RuntimeException {

    /** What kind of failure it was, so callers can tell a lost connection from a refusal. */
    public enum Kind {
        /** No connection (refused, unknown host, timed out while connecting). */
        UNREACHABLE,
        /** The server answered with an error status or an error object. */
        REFUSED,
        /** The stream ended or broke before the reply was complete. */
        CUT,
        /** No data arrived for longer than the read timeout. */
        TIMEOUT,
        /** The server's answer could not be understood. */
        PROTOCOL,
        /** The server cannot do what was asked (a partial reply on a chat-only server). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final int status;
    /** Seconds the server asked to wait before trying again (Retry-After), 0 if it did not say. */
    transient int retryAfter;

    public RemoteException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    public RemoteException(Kind kind, String message, int status, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of a refusal, else 0. */
    public int status() {
        return status;
    }
}
