package io.thoughtscope.reasoning.spi;

import java.util.List;

/**
 * A language model as search strategies see it: tokens in, token steps out, many sequences at
 * once, sharing prefixes. Engines (llama.cpp in-process, OpenAI-compatible servers) implement it.
 *
 * <p>The life of a sequence: {@link #prefill} evaluates a prompt once and returns a sequence whose
 * last token is pending; {@link #fork} copies a sequence without recomputing its prefix;
 * {@link #step} decodes the pending tokens of many sequences in one batch and samples the next
 * token of each; {@link #append} forces text into a sequence (an injected "Wait", an edited
 * step); {@link #release} frees it. Implementations are not required to be thread-safe except
 * for {@link #cancel()}, which any thread may call.
 */
public interface LanguageModel extends AutoCloseable {

    ModelInfo info();

    Capabilities capabilities();

    Tokenizer tokenizer();

    /** The model's chat format: its template, special tokens and think tags. */
    ChatFormat chat();

    /** Evaluates a prompt (at least one token) and returns a new sequence positioned after it. */
    Sequence prefill(int[] tokens);

    /** A new sequence that continues {@code parent}: same tokens, its prefix not recomputed. */
    Sequence fork(Sequence parent);

    /** Appends forced tokens to a sequence; they are evaluated with the next step. */
    void append(Sequence sequence, int[] tokens);

    /**
     * Removes tokens from the end of a sequence (to re-sample a step, or to edit one), keeping at
     * least one token.
     */
    void truncate(Sequence sequence, int length);

    /**
     * One decoding step for many sequences in one batch: evaluates what is pending in each and
     * samples its next token. The result has one step per request, in order. The sampled token
     * becomes the sequence's pending token.
     *
     * @throws java.util.concurrent.CancellationException if {@link #cancel()} was called
     */
    List<TokenStep> step(List<StepRequest> requests);

    /** Frees a sequence's cache; the handle must not be used afterwards. */
    void release(Sequence sequence);

    /** Counters since the model was opened (or since {@link #resetCounters()}). */
    Counters counters();

    void resetCounters();

    /**
     * Stops the step or prefill running now (within one decode call) and makes it throw
     * {@link java.util.concurrent.CancellationException}; later calls run normally again.
     */
    void cancel();

    @Override
    void close();
}
