package io.thoughtscope.reasoning.model;

import java.time.Instant;

/**
 * A user's working session: one problem or conversation and the runs made on it.
 *
 * @param id        stable identifier (time-ordered, see {@link Ids})
 * @param title     display title
 * @param createdAt when the session began
 * @param problem   the problem the runs work on
 */
public record Session(String id, String title, Instant createdAt, Problem problem) {
    public Session {
        if (id == null || id.isBlank() || createdAt == null || problem == null) {
            throw new IllegalArgumentException("a session needs an id, a time and a problem");
        }
        title = title == null ? "" : title;
    }

    public static Session create(String title, Problem problem) {
        return new Session(Ids.newId(), title, Instant.now(), problem);
    }
}
