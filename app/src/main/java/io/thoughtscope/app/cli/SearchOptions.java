package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.store.SessionQuery;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The filters of {@code sessions} and {@code export}. */
final class SearchOptions {

    enum Result { correct, incorrect }

    @Option(names = "--model", paramLabel = "M", description = "Runs of a model (part of its name, any case).")
    String model;

    @Option(names = "--strategy", paramLabel = "S", description = "Runs of a strategy: chain, self-consistency, beam, mcts, chat, ...")
    String strategy;

    @Option(names = "--tag", paramLabel = "T", description = "Sessions tagged T (the session or something in it).")
    String tag;

    @Option(names = "--starred", description = "Sessions with a star (on the session or on something in it).")
    boolean starred;

    @Option(names = "--result", paramLabel = "R", description = "Runs graded correct or incorrect.")
    Result result;

    @Option(names = "--moment", paramLabel = "TYPE", description = "Runs whose analysis found a moment of this type: "
            + "aha, self-verification, backtrack, thought-switch, loop.")
    String moment;

    @Option(names = "--since", paramLabel = "DATE", description = "Sessions created on or after DATE (YYYY-MM-DD, local time).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Sessions created before DATE (YYYY-MM-DD, local time).")
    String until;

    /** The query these options make, with the given full-text terms. */
    SessionQuery query(String terms, CommandLine cl) {
        SessionQuery q = SessionQuery.all().withText(terms).withModel(model).withStrategy(strategy).withTag(tag)
                .withStarred(starred ? Boolean.TRUE : null);
        if (result != null) {
            q = q.withVerdict(result == Result.correct ? Verdict.CORRECT : Verdict.INCORRECT);
        }
        if (moment != null) {
            try {
                q = q.withMoment(MomentType.fromKey(moment.replace(' ', '_')));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "unknown moment type '" + moment
                        + "' (use aha, self-verification, backtrack, thought-switch or loop)");
            }
        }
        return q.withSince(date(since, "--since", cl)).withUntil(date(until, "--until", cl));
    }

    boolean any() {
        return model != null || strategy != null || tag != null || starred || result != null || moment != null
                || since != null || until != null;
    }

    private static Instant date(String s, String option, CommandLine cl) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip()).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, option + " takes a date as YYYY-MM-DD, not '" + s + "'");
        }
    }
}
