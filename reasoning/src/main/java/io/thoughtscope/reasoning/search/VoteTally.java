package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.analysis.answers.AnswerGrader;
import io.thoughtscope.reasoning.model.Answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The votes of self-consistency: answers grouped by equivalence (so {@code 1/2} and {@code 0.5}
 * vote together), largest group first, ties in the order the groups first appeared.
 *
 * @param groups     the answer groups, most votes first
 * @param samples    how many samples voted (those without an answer included)
 * @param unanswered samples that gave no answer
 */
public record VoteTally(List<VoteGroup> groups, int samples, int unanswered) {

    /**
     * One answer and the samples that gave it.
     *
     * @param answer  the first member's answer (graded, when a truth was known)
     * @param members the ids of the nodes holding the members' answers, in sample order
     */
    public record VoteGroup(Answer answer, List<Integer> members) {
        public VoteGroup {
            members = List.copyOf(members);
        }

        public int votes() {
            return members.size();
        }
    }

    /** One sample's answer, or null when it gave none. */
    public record Ballot(int node, Answer answer) {}

    public VoteTally {
        groups = List.copyOf(groups);
    }

    public static VoteTally count(List<Ballot> ballots) {
        List<Answer> heads = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        int unanswered = 0;
        for (Ballot b : ballots) {
            if (b.answer() == null) {
                unanswered++;
                continue;
            }
            int g = 0;
            while (g < heads.size() && !AnswerGrader.equivalent(heads.get(g).raw(), b.answer().raw())) {
                g++;
            }
            if (g == heads.size()) {
                heads.add(b.answer());
                members.add(new ArrayList<>());
            }
            members.get(g).add(b.node());
        }
        List<VoteGroup> groups = new ArrayList<>();
        for (int g = 0; g < heads.size(); g++) {
            groups.add(new VoteGroup(heads.get(g), members.get(g)));
        }
        // stable: equal counts keep the order in which the answers first appeared
        groups.sort(Comparator.comparingInt(VoteGroup::votes).reversed());
        return new VoteTally(groups, ballots.size(), unanswered);
    }

    public Optional<VoteGroup> majority() {
        return groups.isEmpty() ? Optional.empty() : Optional.of(groups.getFirst());
    }

    /** The share of all samples that gave the majority answer (0 without answers). */
    public double agreement() {
        return samples == 0 ? 0 : majority().map(g -> (double) g.votes() / samples).orElse(0.0);
    }

    /** One line per group: {@code 42  ×5  nodes 3, 7, ...}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (VoteGroup g : groups) {
            sb.append(String.format("%-16s ×%d  nodes %s%n", g.answer().raw(), g.votes(),
                    String.join(", ", g.members().stream().map(String::valueOf).toList())));
        }
        if (unanswered > 0) {
            sb.append(String.format("%-16s ×%d%n", "(no answer)", unanswered));
        }
        sb.append(String.format("agreement %.1f%% of %d samples%n", agreement() * 100, samples));
        return sb.toString();
    }
}
