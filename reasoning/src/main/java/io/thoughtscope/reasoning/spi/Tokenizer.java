package io.thoughtscope.reasoning.spi;

/** Text to tokens and back, byte-exact. */
public interface Tokenizer {

    /**
     * @param addSpecial   add the model's start token(s) if it uses them
     * @param parseSpecial read special-token text (such as {@code <think>}) as the special token
     */
    int[] tokenize(String text, boolean addSpecial, boolean parseSpecial);

    /** The raw bytes of one token (special tokens rendered as their text). */
    byte[] tokenBytes(int token);

    /** The text of tokens; {@code detokenize(tokenize(s, false, true))} equals {@code s}. */
    String detokenize(int[] tokens);

    int vocabularySize();

    /** Whether the token ends generation (end of sequence, end of turn). */
    boolean isEndOfGeneration(int token);
}
