package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Verdict;

import java.time.Instant;

/**
 * Which sessions to list. Every filter is optional (null); run filters (model, strategy,
 * verdict, moment) hold when one run of the session satisfies all of them.
 *
 * @param text     full-text terms over prompts, traces and notes; a trailing {@code *} matches a prefix
 * @param model    part of the model name, any case
 * @param strategy the strategy name, any case
 * @param tag      a tag on the session or on something in it
 * @param starred  true: only sessions with a star in them
 * @param verdict  CORRECT or INCORRECT: a run graded so
 * @param moment   a run whose analysis found a moment of this type
 * @param since    created at or after
 * @param until    created before
 * @param limit    at most this many (0: no limit)
 * @param offset   skip this many
 */
public record SessionQuery(String text, String model, String strategy, String tag, Boolean starred, Verdict verdict,
                           MomentType moment, Instant since, Instant until, int limit, int offset) {

    public SessionQuery {
        text = blankToNull(text);
        model = blankToNull(model);
        strategy = blankToNull(strategy);
        tag = blankToNull(tag);
        if (verdict == Verdict.UNGRADED) {
            throw new IllegalArgumentException("filter on CORRECT or INCORRECT");
        }
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    public static SessionQuery all() {
        return new SessionQuery(null, null, null, null, null, null, null, null, null, 0, 0);
    }

    public SessionQuery withText(String v) {
        return new SessionQuery(v, model, strategy, tag, starred, verdict, moment, since, until, limit, offset);
    }

    public SessionQuery withModel(String v) {
        return new SessionQuery(text, v, strategy, tag, starred, verdict, moment, since, until, limit, offset);
    }

    public SessionQuery withStrategy(String v) {
        return new SessionQuery(text, model, v, tag, starred, verdict, moment, since, until, limit, offset);
    }

    public SessionQuery withTag(String v) {
        return new SessionQuery(text, model, strategy, v, starred, verdict, moment, since, until, limit, offset);
    }

    public SessionQuery withStarred(Boolean v) {
        return new SessionQuery(text, model, strategy, tag, v, verdict, moment, since, until, limit, offset);
    }

    public SessionQuery withVerdict(Verdict v) {
        return new SessionQuery(text, model, strategy, tag, starred, v, moment, since, until, limit, offset);
    }

    public SessionQuery withMoment(MomentType v) {
        return new SessionQuery(text, model, strategy, tag, starred, verdict, v, since, until, limit, offset);
    }

    public SessionQuery withSince(Instant v) {
        return new SessionQuery(text, model, strategy, tag, starred, verdict, moment, v, until, limit, offset);
    }

    public SessionQuery withUntil(Instant v) {
        return new SessionQuery(text, model, strategy, tag, starred, verdict, moment, since, v, limit, offset);
    }

    public SessionQuery withLimit(int v) {
        return new SessionQuery(text, model, strategy, tag, starred, verdict, moment, since, until, v, offset);
    }

    public SessionQuery withOffset(int v) {
        return new SessionQuery(text, model, strategy, tag, starred, verdict, moment, since, until, limit, v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
