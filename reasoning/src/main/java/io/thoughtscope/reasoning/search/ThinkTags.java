package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.ChatFormat;
import io.thoughtscope.reasoning.spi.Tokenizer;

/**
 * The model's thinking tags and, where the closing tag is one token, its id: that token can be
 * suppressed with a logit bias and recognised whatever text the engine gives special tokens.
 *
 * @param open    e.g. {@code <think>}
 * @param close   e.g. {@code </think>}
 * @param closeId the id of the closing tag when it is a single token, else -1
 */
record ThinkTags(String open, String close, int closeId) {

    static ThinkTags of(ChatFormat chat, Tokenizer tokenizer) {
        int[] ids = tokenizer.tokenize(chat.thinkClose(), false, true);
        return new ThinkTags(chat.thinkOpen(), chat.thinkClose(), ids.length == 1 ? ids[0] : -1);
    }
}
