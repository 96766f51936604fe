package io.thoughtscope.reasoning.traces;

import io.thoughtscope.reasoning.model.Token;

import java.util.List;

/** One model output as a record holds it, before it is split into a trace. */
record RawOutput(String thinking, String text, List<Token> tokens) {

    RawOutput {
        tokens = tokens == null ? List.of() : tokens;
    }

    boolean isEmpty() {
        return thinking == null && text == null;
    }

    RawOutput withThinking(String t) {
        return new RawOutput(t, text, tokens);
    }

    RawOutput withTokens(List<Token> t) {
        return new RawOutput(thinking, text, t);
    }
}
