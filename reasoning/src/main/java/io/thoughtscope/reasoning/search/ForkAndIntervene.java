package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Continues any trace of a tree from any of its nodes after an intervention: text injected after
 * the node ("Wait", "Let me verify this", a hint), the node's text replaced by an edit, or the
 * thinking ended there. The intervention becomes an {@link NodeKind#INTERVENTION} node and the
 * continuation a new branch below it, in the same tree, with the next iteration number; its
 * prefix is shared with the trace it forks (no prompt is evaluated again while the
 * {@link LiveTree} is open).
 */
public final class ForkAndIntervene {

    /** What to do at a node. */
    public sealed interface Intervention {
        Node at();

        /** Text after {@code at}; the trace goes on after it. */
        record Inject(Node at, String text) implements Intervention {
            public Inject {
                Objects.requireNonNull(at, "at");
                if (text == null || text.isEmpty()) {
                    throw new IllegalArgumentException("nothing to inject");
                }
            }
        }

        /** {@code at}'s text replaced: a sibling with the new text, the trace goes on after it. */
        record Edit(Node at, String text) implements Intervention {
            public Edit {
                Objects.requireNonNull(at, "at");
                if (at.isRoot()) {
                    throw new IllegalArgumentException("the prompt cannot be edited; start a new run");
                }
                text = text == null ? "" : text;
            }
        }

        /** The thinking closed after {@code at}, with an optional cue ("Final Answer:"); the answer follows. */
        record EndThinking(Node at, String cue) implements Intervention {
            public EndThinking {
                Objects.requireNonNull(at, "at");
                cue = cue == null ? "" : cue;
            }
        }
    }

    /**
     * @param intervention the node holding the intervention
     * @param leaf         the continuation's last node
     * @param answer       its answer, graded when a truth is known
     */
    public record Result(Node intervention, Node leaf, Optional<Answer> answer) {
        public Verdict verdict() {
            return answer.map(Answer::verdict).orElse(Verdict.UNGRADED);
        }
    }

    private ForkAndIntervene() {
    }

    /**
     * Applies the intervention and continues to the end (or {@code maxTokens} on the path).
     * Cancellation (the tree's cancel check) leaves the continuation cut off.
     */
    public static Result apply(LiveTree live, Intervention intervention, int maxTokens) {
        Node at = intervention.at();
        if (at.tree() != live.tree()) {
            throw new IllegalArgumentException("the node belongs to another tree");
        }
        int iteration = live.lastIteration() + 1;
        Node parent = intervention instanceof Intervention.Edit ? at.parent() : at;
        String text = switch (intervention) {
            case Intervention.Inject i -> i.text();
            case Intervention.Edit e -> e.text();
            case Intervention.EndThinking e -> endThinking(live, at, e.cue());
        };
        Node node = live.addNode(parent, NodeKind.INTERVENTION, iteration, text);
        int[] ids = live.model().tokenizer().tokenize(text, false, true);
        live.cache().record(node, ids);
        node.setStatus(NodeStatus.DONE);
        NodeKind next = intervention instanceof Intervention.EndThinking || live.closedAt(node)
                ? NodeKind.ANSWER : NodeKind.BRANCH;
        Lane lane = new Lane(live, node, next, iteration, Lane.Rules.toTheEnd(maxTokens));
        try {
            Decoder.run(live, List.of(lane));
        } finally {
            live.cutOffGrowing();
        }
        Node leaf = lane.leaf();
        return new Result(node, leaf, live.settleAnswer(leaf));
    }

    private static String endThinking(LiveTree live, Node at, String cue) {
        String before = live.tree().pathText(at);
        String close = live.tags().close();
        String lead = before.isEmpty() || before.endsWith("\n") ? "" : "\n";
        return lead + close + (cue.isEmpty() ? "\n\n" : "\n\n" + cue);
    }
}
