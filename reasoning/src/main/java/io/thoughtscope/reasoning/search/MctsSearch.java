package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.StrategySpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Monte Carlo tree search over reasoning steps. Each iteration selects a path by UCT among the
 * steps ({@link NodeKind#THOUGHT_STEP} children), expands its end with the missing sampled steps
 * (decoded as one batch), rolls every new step out to an answer (a {@link NodeKind#BRANCH} child
 * holding the rest of the path), scores the answers with the verifier and backs each value up to
 * the root. A step that ends the output is terminal: selecting it again backs up its value once
 * more. Nodes carry visits and value sums; the nodes an iteration created carry its number, and
 * the {@link MctsIteration} records replay the statistics. The answer is taken below the most
 * visited path: the best-valued answer there.
 */
public final class MctsSearch extends Strategy {

    /**
     * @param iterations  how many select-expand-rollout-backup rounds
     * @param expand      steps sampled per expanded node (its children)
     * @param exploration the UCT exploration constant c
     * @param depth       the most steps on a path; steps at the last depth run to the end
     * @param delimiter   the text that ends a step
     * @param stepTokens  a step longer than this ends anyway
     * @param verifier    gives the value of a rollout's answer
     */
    public record Settings(int iterations, int expand, double exploration, int depth, String delimiter, int stepTokens,
                           Verifier verifier) {
        public Settings {
            if (iterations < 1 || expand < 1 || depth < 1 || stepTokens < 1) {
                throw new IllegalArgumentException("iterations, expand, depth and step-tokens must be at least 1");
            }
            if (!(exploration >= 0) || Double.isInfinite(exploration)) {
                throw new IllegalArgumentException("the exploration constant must be a finite number of 0 or more");
            }
            if (delimiter == null || delimiter.isEmpty()) {
                throw new IllegalArgumentException("the step delimiter must not be empty");
            }
        }
    }

    private final Settings settings;

    MctsSearch(StrategySpec spec, StrategyParams params, Settings settings) {
        super(spec, params);
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * UCT (Kocsis and Szepesvári): mean value plus c * sqrt(ln N / n); an unvisited child is
     * infinitely urgent.
     */
    public static double uct(int parentVisits, Scores child, double c) {
        if (child.visits() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return child.meanValue() + c * Math.sqrt(Math.log(Math.max(1, parentVisits)) / child.visits());
    }

    /** The child with the highest UCT value, the first one on ties. */
    public static Node select(Node parent, List<Node> children, double c) {
        Node best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        int n = parent.scores().visits();
        for (Node child : children) {
            double u = uct(n, child.scores(), c);
            if (best == null || u > bestValue) {
                best = child;
                bestValue = u;
            }
        }
        return best;
    }

    /** The steps below a node (rollouts are not part of the search tree). */
    static List<Node> steps(Node node) {
        List<Node> out = new ArrayList<>();
        for (Node child : node.children()) {
            if (child.kind() == NodeKind.THOUGHT_STEP) {
                out.add(child);
            }
        }
        return out;
    }

    /** One expansion's lanes and a path per level to fork from, and the prompt. */
    @Override
    public int sequencesWanted() {
        return settings.expand() * (settings.depth() + 1) + 1;
    }

    @Override
    Outcome grow(LiveTree live) {
        Node root = live.tree().root();
        // terminal steps, and the leaf that holds the answer of each
        Map<Node, Node> terminal = new HashMap<>();
        List<MctsIteration> iterations = new ArrayList<>();
        int maxTokens = params().maxTokens();
        for (int it = 1; it <= settings.iterations(); it++) {
            live.checkCancelled();
            int before = live.tree().size();
            List<Integer> path = new ArrayList<>();
            path.add(root.id());
            Node node = root;
            while (!terminal.containsKey(node)) {
                List<Node> children = steps(node);
                if (children.size() < settings.expand()) {
                    break;
                }
                node = select(node, children, settings.exploration());
                path.add(node.id());
            }
            List<MctsIteration.Backup> backups = new ArrayList<>();
            if (terminal.containsKey(node)) {
                Node leaf = terminal.get(node);
                double v = leaf.scores().reward();
                backup(leaf, v);
                backups.add(new MctsIteration.Backup(leaf.id(), v));
            } else {
                expandAndRollOut(live, node, it, maxTokens, terminal, backups);
            }
            List<Integer> created = new ArrayList<>();
            for (int id = before; id < live.tree().size(); id++) {
                created.add(id);
            }
            iterations.add(new MctsIteration(it, path, created, backups));
        }
        Node chosen = choose(root);
        if (chosen != null) {
            live.choose(chosen);
        }
        return new Outcome(chosen, null, List.of(), iterations);
    }

    private void expandAndRollOut(LiveTree live, Node node, int it, int maxTokens, Map<Node, Node> terminal,
                                  List<MctsIteration.Backup> backups) {
        int missing = settings.expand() - steps(node).size();
        boolean lastDepth = node.depth() + 1 >= settings.depth();
        Lane.Rules rules = lastDepth ? Lane.Rules.toTheEnd(maxTokens)
                : Lane.Rules.oneStep(maxTokens, settings.delimiter(), settings.stepTokens());
        List<Lane> lanes = new ArrayList<>();
        for (int k = 0; k < missing; k++) {
            lanes.add(new Lane(live, node, NodeKind.THOUGHT_STEP, it, rules));
        }
        Decoder.run(live, lanes);
        List<Lane> rollouts = new ArrayList<>();
        for (Lane lane : lanes) {
            if (lane.stop() == Lane.Stop.STEP_END) {
                lane.continueInto(NodeKind.BRANCH, it, Lane.Rules.toTheEnd(maxTokens));
                rollouts.add(lane);
            }
        }
        Decoder.run(live, rollouts);
        List<Node> leaves = new ArrayList<>();
        for (Lane lane : lanes) {
            live.settleAnswer(lane.leaf());
            leaves.add(lane.leaf());
        }
        List<Double> values = Candidates.score(live, settings.verifier(), leaves);
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            if (!rollouts.contains(lane)) {
                terminal.put(lane.first(), lane.leaf());
            }
            backup(lane.leaf(), values.get(i));
            backups.add(new MctsIteration.Backup(lane.leaf().id(), values.get(i)));
        }
    }

    /** Adds one visit with {@code value} to the node and every ancestor. */
    static void backup(Node from, double value) {
        for (Node n = from; n != null; n = n.parent()) {
            n.updateScores(s -> s.withVisit(value));
        }
    }

    /** Follows the most visited steps, then takes the best-valued answer below. */
    private static Node choose(Node root) {
        Node node = root;
        for (List<Node> children = steps(node); !children.isEmpty(); children = steps(node)) {
            Node best = children.getFirst();
            for (Node c : children) {
                if (c.scores().visits() > best.scores().visits()) {
                    best = c;
                }
            }
            node = best;
        }
        Node answer = null;
        Deque<Node> todo = new ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.answer().isPresent() && (answer == null || n.scores().reward() > answer.scores().reward()
                    || (n.scores().reward() == answer.scores().reward() && n.id() < answer.id()))) {
                answer = n;
            }
            todo.addAll(n.children());
        }
        return answer != null ? answer : node == root ? null : node;
    }
}
