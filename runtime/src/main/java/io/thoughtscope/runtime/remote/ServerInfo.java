package io.thoughtscope.runtime.remote;

import java.util.List;

/**
 * What a server said about itself when it was probed.
 *
 * @param kind           the server software
 * @param version        its version where it tells, else empty
 * @param endpoint       how generation requests go
 * @param model          the model in use
 * @param models         every model the server offers
 * @param template       the Jinja chat template prompts are rendered with, null for ChatML
 * @param templateSource where the template came from, in words
 * @param bos            the start token's text ("" when unknown or when the server adds it itself)
 * @param eos            the end token's text, "" when unknown
 * @param context        the context length, 0 when unknown
 * @param architecture   e.g. {@code qwen2}, empty when unknown
 * @param quantization   e.g. {@code Q4_K_M}, empty when unknown
 * @param logprobs       whether replies carry log-probabilities
 * @param tokenize       whether the server maps text to its token ids (needed for logit biases)
 * @param notes          what a user should know (reduced capabilities and why)
 */
public record ServerInfo(ServerKind kind, String version, Endpoint endpoint, String model, List<String> models,
                         String template, String templateSource, String bos, String eos, int context,
                         String architecture, String quantization, boolean logprobs, boolean tokenize,
                         List<String> notes) {

    public ServerInfo {
        models = List.copyOf(models);
        notes = List.copyOf(notes);
    }

    /** Whether per-token logit biases can be sent (the kind applies them and its token ids are known). */
    public boolean logitBias() {
        return endpoint != Endpoint.CHAT && kind.logitBias() && tokenize;
    }
}
