package io.thoughtscope.store;

import java.time.Instant;

/**
 * A user's note, tag or star.
 *
 * @param id        its key in the store
 * @param target    what it is on
 * @param kind      note, tag or star
 * @param text      the note or the tag; empty for a star
 * @param createdAt when it was made
 */
public record Annotation(long id, Target target, Kind kind, String text, Instant createdAt) {

    public enum Kind { NOTE, TAG, STAR }
}
