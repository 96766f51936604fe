package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.Token;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Maps a trace's tokens to character offsets in its text. Token pieces must concatenate to the
 * text or to a contiguous part of it (tokens of the generated part only, a text with the prompt
 * in front); otherwise there is no alignment and token-based figures are left out.
 */
public final class TokenAlignment {

    private final List<Token> tokens;
    private final int[] starts; // starts[i] = text offset of token i; starts[n] = end of the last token

    private TokenAlignment(List<Token> tokens, int[] starts) {
        this.tokens = tokens;
        this.starts = starts;
    }

    /** The alignment, or null when the tokens do not spell the text or a part of it. */
    public static TokenAlignment of(String text, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (Token t : tokens) {
            sb.append(t.text());
        }
        String joined = sb.toString();
        int offset;
        if (joined.equals(text)) {
            offset = 0;
        } else {
            offset = text.indexOf(joined);
            if (offset < 0) {
                return null;
            }
        }
        int[] starts = new int[tokens.size() + 1];
        int pos = offset;
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = pos;
            pos += tokens.get(i).text().length();
        }
        starts[tokens.size()] = pos;
        return new TokenAlignment(List.copyOf(tokens), starts);
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public Span spanOf(int token) {
        return new Span(starts[token], starts[token + 1]);
    }

    /** The index of the token covering {@code offset}, or the nearest one. */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Number of tokens whose start lies in {@code span}. */
    public int tokensIn(Span span) {
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (starts[i] >= span.start() && starts[i] < span.end()) {
                n++;
            }
        }
        return n;
    }

    /** Mean entropy of the tokens covering {@code span} and {@code window} tokens either side. */
    public OptionalDouble meanEntropyAround(Span span, int window) {
        int a = Math.max(0, tokenAt(span.start()) - window);
        int b = Math.min(tokens.size() - 1, tokenAt(Math.max(span.start(), span.end() - 1)) + window);
        double sum = 0;
        int n = 0;
        for (int i = a; i <= b; i++) {
            double h = tokens.get(i).entropy();
            if (!Double.isNaN(h)) {
                sum += h;
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
}
