package io.thoughtscope.store;

import java.time.Instant;
import java.util.List;

/**
 * One line of the sessions list.
 *
 * @param id          the session's id
 * @param title       its title
 * @param createdAt   when it began
 * @param question    its problem
 * @param groundTruth the reference answer, or null
 * @param runs        how many runs it holds
 * @param models      the models of its runs, distinct
 * @param strategies  the strategies of its runs, distinct
 * @param correct     runs graded correct
 * @param graded      runs graded at all
 * @param starred     whether it, or something in it, carries a star
 * @param tags        its tags and those of its runs and nodes, distinct
 * @param snippet     for a text search, the best matching passage with the hits in [brackets]; else null
 */
public record SessionSummary(String id, String title, Instant createdAt, String question, String groundTruth, int runs,
                             List<String> models, List<String> strategies, int correct, int graded, boolean starred,
                             List<String> tags, String snippet) {

    public SessionSummary {
        models = List.copyOf(models);
        strategies = List.copyOf(strategies);
        tags = List.copyOf(tags);
    }
}
