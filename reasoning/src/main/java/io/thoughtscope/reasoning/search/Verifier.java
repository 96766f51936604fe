package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores paths in [0, 1]: best-of-N ranks its samples with it, MCTS backs its value up. */
public sealed interface Verifier permits Verifier.Rule, Verifier.SelfEvaluation, Verifier.MeanLogprob {

    String QUESTION = "\n\nIs the answer above correct? Answer yes or no.\nAnswer:";
    String STEP_QUESTION = "\n\nIs the reasoning so far correct? Answer yes or no.\nAnswer:";

    /** The name used in strategy parameters. */
    String key();

    /** The scores of the paths ending at {@code leaves}, in order. */
    List<Double> score(LiveTree live, List<Node> leaves);

    /**
     * @param key      {@code rule}, {@code self} or {@code logprob}
     * @param question the self-evaluation's question
     */
    static Verifier of(String key, String question) {
        return switch (key) {
            case "rule" -> new Rule();
            case "self" -> new SelfEvaluation(question);
            case "logprob" -> new MeanLogprob();
            default -> throw new IllegalArgumentException("unknown verifier '" + key + "' (rule, self, logprob)");
        };
    }

    /** The ground truth decides: 1 for a correct answer, 0 otherwise. */
    record Rule() implements Verifier {
        @Override
        public String key() {
            return "rule";
        }

        @Override
        public List<Double> score(LiveTree live, List<Node> leaves) {
            if (live.truth() == null) {
                throw new IllegalStateException("the rule verifier needs a ground truth, and this problem has none");
            }
            List<Double> out = new ArrayList<>(leaves.size());
            for (Node leaf : leaves) {
                Answer a = leaf.answer().orElseGet(() -> live.readAnswer(leaf).orElse(null));
                out.add(a != null && a.verdict() == Verdict.CORRECT ? 1.0 : 0.0);
            }
            return out;
        }
    }

    /**
     * The model judges its own path: the question is appended to a fork of it, and the score is
     * the probability the model gives "yes" as the next token (the sum over the reported
     * alternatives that read "yes"). All paths are asked in one batch; the forks are released.
     */
    record SelfEvaluation(String question) implements Verifier {
        @Override
        public String key() {
            return "self";
        }

        @Override
        public List<Double> score(LiveTree live, List<Node> leaves) {
            int topK = Math.min(20, live.model().capabilities().maxTopK());
            if (topK == 0) {
                throw new IllegalStateException("self-evaluation needs top-k alternatives, which this model does not report");
            }
            int[] asked = live.model().tokenizer().tokenize(question, false, true);
            SamplingParams greedy = SamplingParams.greedy();
            List<Double> out = new ArrayList<>(leaves.size());
            int i = 0;
            while (i < leaves.size()) {
                live.checkCancelled();
                List<Sequence> batch = new ArrayList<>();
                try {
                    while (i < leaves.size() && (batch.isEmpty() || live.cache().canOpen())) {
                        Sequence s = live.cache().open(leaves.get(i++));
                        batch.add(s);
                        live.model().append(s, asked);
                    }
                    List<StepRequest> requests = batch.stream().map(s -> new StepRequest(s, greedy, topK)).toList();
                    for (TokenStep step : live.model().step(requests)) {
                        out.add(yes(step.token()));
                    }
                    live.countGenerated(batch.size());
                } finally {
                    batch.forEach(live.cache()::release);
                }
            }
            return out;
        }

        private static double yes(Token t) {
            double p = 0;
            for (TopToken alt : t.alternatives()) {
                if (alt.text().strip().toLowerCase(Locale.ROOT).equals("yes")) {
                    p += alt.probability();
                }
            }
            return Math.min(1, p);
        }
    }

    /**
     * The geometric mean of the path's token probabilities, exp(mean log-probability): a
     * confidence that needs nothing but the tokens already produced.
     */
    record MeanLogprob() implements Verifier {
        @Override
        public String key() {
            return "logprob";
        }

        @Override
        public List<Double> score(LiveTree live, List<Node> leaves) {
            List<Double> out = new ArrayList<>(leaves.size());
            for (Node leaf : leaves) {
                out.add(pathConfidence(leaf));
            }
            return out;
        }

        static double pathConfidence(Node leaf) {
            double sum = 0;
            int n = 0;
            for (Node x = leaf; x != null && x.kind() != NodeKind.PROMPT; x = x.parent()) {
                for (Token t : x.tokens()) {
                    if (t.hasLogprob()) {
                        sum += t.logprob();
                        n++;
                    }
                }
            }
            return n == 0 ? 0 : Math.exp(sum / n);
        }
    }
}
