package io.thoughtscope.reasoning.analysis;

/**
 * Tells thinking from answer while text streams in piece by piece. Tags may arrive split over
 * several pieces, so a tail that could be the start of a tag is held back until it is decided.
 * The tags themselves are not passed on.
 */
public final class ThinkingStream {

    /** Receives text with the part it belongs to. */
    public interface Sink {
        void text(String text, boolean thinking);
    }

    private final String open;
    private final String close;
    private final Sink sink;
    private final StringBuilder held = new StringBuilder();
    private boolean thinking;
    private boolean closedOnce;

    /**
     * @param thinkingAtStart whether the text starts inside thinking (the prompt ended with the open tag)
     */
    public ThinkingStream(String open, String close, boolean thinkingAtStart, Sink sink) {
        this.open = open;
        this.close = close;
        this.thinking = thinkingAtStart;
        this.sink = sink;
    }

    public boolean isThinking() {
        return thinking;
    }

    /** Whether the thinking has closed at least once. */
    public boolean thinkingClosed() {
        return closedOnce;
    }

    public void accept(String piece) {
        held.append(piece);
        while (true) {
            String tag = thinking ? close : open;
            int at = held.indexOf(tag);
            if (at >= 0) {
                emit(held.substring(0, at));
                held.delete(0, at + tag.length());
                if (thinking) {
                    closedOnce = true;
                }
                thinking = !thinking;
                continue;
            }
            // keep back the longest tail that is a prefix of the tag
            int keep = 0;
            for (int k = Math.min(tag.length() - 1, held.length()); k > 0; k--) {
                if (tag.startsWith(held.substring(held.length() - k))) {
                    keep = k;
                    break;
                }
            }
            emit(held.substring(0, held.length() - keep));
            held.delete(0, held.length() - keep);
            return;
        }
    }

    /** Passes on whatever is held back (at the end of the stream). */
    public void finish() {
        emit(held.toString());
        held.setLength(0);
    }

    private void emit(String s) {
        if (!s.isEmpty()) {
            sink.text(s, thinking);
        }
    }
}
