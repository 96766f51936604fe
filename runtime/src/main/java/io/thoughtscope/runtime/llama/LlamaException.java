package io.thoughtscope.runtime.llama;

/** A failure of the llama.cpp engine, with a message a user can act on. */
public class LlamaException extends RuntimeException {
    public LlamaException(String message) {
        super(message);
    }

    public LlamaException(String message, Throwable cause) {
        super(message, cause);
    }
}
