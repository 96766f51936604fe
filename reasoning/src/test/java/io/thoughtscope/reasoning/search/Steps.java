package io.thoughtscope.reasoning.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * A scripted reasoner that thinks in steps separated by blank lines. The lane with seed
 * {@code base + i} writes steps "s{i}.\n\n"; after {@code steps} of them (or at once when
 * {@code finishesEarly} says so) it closes its thinking and boxes an answer that depends on its
 * path. Every token comes with a rival at {@code -gap(i)}, so lanes differ in confidence.
 */
final class Steps {

    private Steps() {
    }

    static ScriptedModel model(long base, int steps, IntFunction<Double> gap, IntPredicate finishesEarly,
                               java.util.function.Function<String, String> answerOfPath) {
        return new ScriptedModel(c -> {
            String g = Plans.generated(c.text());
            int i = (int) (c.seed() - base);
            String next;
            int close = g.indexOf("</think>");
            if (close >= 0) {
                String after = g.substring(close + "</think>".length());
                String target = "\n\n\\boxed{" + answerOfPath.apply(g.substring(0, close)) + "}";
                if (after.equals(target)) {
                    return ScriptedModel.Dist.end();
                }
                next = Plans.next(after, target, Plans.WORDS).logits().keySet().iterator().next();
            } else {
                String thinking = g.substring("<think>\n".length());
                int done = count(thinking, "\n\n");
                int from = thinking.lastIndexOf("\n\n");
                String cur = from < 0 ? thinking : thinking.substring(from + 2);
                String target = done + 1 >= steps || finishesEarly.test(i) ? "s" + i + ".\n</think>" : "s" + i + ".\n\n";
                next = Plans.next(cur, target, Plans.WORDS).logits().keySet().iterator().next();
            }
            Map<String, Double> logits = new LinkedHashMap<>();
            logits.put(next, 0.0);
            logits.put("~", -gap.apply(i));
            return new ScriptedModel.Dist(logits);
        }, Plans.WORDS);
    }

    static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /** The index of the last step on a path ("s2.\n\ns7." gives 7). */
    static int lastStep(String thinking) {
        int s = thinking.lastIndexOf('s');
        return Integer.parseInt(thinking.substring(s + 1, thinking.indexOf('.', s)));
    }

    /** The index of the first step on a path ("s7." gives 7). */
    static int firstStep(String thinking) {
        int s = thinking.indexOf('s');
        return Integer.parseInt(thinking.substring(s + 1, thinking.indexOf('.', s)));
    }
}
