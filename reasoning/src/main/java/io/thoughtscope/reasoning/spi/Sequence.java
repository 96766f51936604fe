package io.thoughtscope.reasoning.spi;

/** A handle to one token sequence of a {@link LanguageModel}. */
public interface Sequence {

    /** Unique within its model while it lives. */
    int id();

    /** Tokens in the sequence, the pending one included. */
    int length();

    /** A copy of the sequence's tokens, prompt included. */
    int[] tokens();
}
