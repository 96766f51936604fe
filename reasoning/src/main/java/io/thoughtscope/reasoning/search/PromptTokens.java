package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.Tokenizer;

import java.util.Arrays;

/** Turns a rendered prompt into token ids. */
final class PromptTokens {

    private PromptTokens() {
    }

    /**
     * Tokenizes with the model's start token(s) and special tokens read as such. Chat templates
     * often write the start token themselves; adding it again would give the model a doubled BOS,
     * which it never saw in training, so a doubled start is dropped.
     */
    static int[] encode(Tokenizer tokenizer, String prompt) {
        int[] ids = tokenizer.tokenize(prompt, true, true);
        int[] start = tokenizer.tokenize("", true, false);
        if (start.length > 0 && ids.length >= 2 * start.length) {
            boolean doubled = true;
            for (int i = 0; i < start.length && doubled; i++) {
                doubled = ids[i] == start[i] && ids[start.length + i] == start[i];
            }
            if (doubled) {
                return Arrays.copyOfRange(ids, start.length, ids.length);
            }
        }
        return ids;
    }
}
