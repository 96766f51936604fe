package io.thoughtscope.benchmarks;

import io.thoughtscope.reasoning.model.Ids;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Sessions, runs and tokens for the store benchmarks: what a local model produces, top-5 alternatives on every token. */
final class SyntheticRuns {

    private static final String[] PIECES = {"Let", " me", " check", " the", " sum", ":", " 48", " +", " 24", " =", " 72",
            ".", " Wait", ",", " that", "'s", " wrong", "\n\n", " So", " the", " answer", " is", " \\boxed{72}", " 等等"};

    private SyntheticRuns() {
    }

    static Token token(SplittableRandom r, long i) {
        List<TopToken> top = new ArrayList<>(5);
        for (int k = 0; k < 5; k++) {
            top.add(new TopToken(r.nextInt(151_936), PIECES[r.nextInt(PIECES.length)], -k - r.nextDouble()));
        }
        return new Token(r.nextInt(151_936), PIECES[r.nextInt(PIECES.length)], -r.nextDouble(), top, r.nextDouble() * 3,
                i * 50_000_000L);
    }

    static List<Token> tokens(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Token> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(token(r, i));
        }
        return out;
    }

    static Session session(String title) {
        return new Session(Ids.newId(), title, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new Problem("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. "
                        + "How many clips did Natalia sell altogether in April and May?", "72"));
    }

    static Run run(Session s, ReasoningTree tree, String strategy) {
        return new Run(Ids.newId(), s.id(), new ModelRef("DeepSeek-R1-Distill-Qwen-1.5B Q4_K_M", "/models/r1.gguf",
                "llama.cpp", "cpu"), new StrategySpec(strategy, Map.of("width", "4", "depth", "8")), 7,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), tree);
    }

    /** An MCTS-like tree: {@code nodes} nodes, {@code tokens} tokens spread over them, scores on a third. */
    static ReasoningTree tree(int nodes, int tokens, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ReasoningTree tree = new ReasoningTree("How many clips?");
        int perNode = tokens / Math.max(1, nodes - 1);
        int extra = tokens - perNode * (nodes - 1);
        long t = 0;
        for (int i = 1; i < nodes; i++) {
            Node parent = tree.node(r.nextInt(Math.max(0, i - 8), i));
            Node n = tree.addChild(parent, NodeKind.THOUGHT_STEP, i / 40, "", i * 1_000L);
            int count = perNode + (i <= extra ? 1 : 0);
            List<Token> batch = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                batch.add(token(r, t++));
            }
            n.appendTokens(batch);
            if (i % 3 == 0) {
                n.setScores(new Scores(r.nextInt(40), r.nextDouble() * 10, 0, r.nextDouble(), Double.NaN));
            }
            n.setStatus(NodeStatus.DONE);
        }
        return tree;
    }

    static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("thoughtscope-bench-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
