package io.thoughtscope.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reasoning traces for benchmarks, in the shape of real R1-distill traces: a setup, computation
 * paragraphs, doubts ("Wait,"), checks, switches, answer candidates that change, a boxed final
 * answer; English with some Chinese. Deterministic for a seed.
 */
public final class SyntheticTraces {

    private static final String[] SETUP = {
            "Okay, so I need to figure out how many marbles are left in the jar. ",
            "Alright, so the problem is asking for the sum of the first %d odd numbers. ",
            "Let me read the problem again. We are given a rectangle with sides %d and %d. ",
            "题目要求我们计算 %d 乘以 %d 的结果。"};
    private static final String[] PLAN = {
            "First, I should find the total number of items. ",
            "Let me break this down step by step. ",
            "I think the best approach is to set up an equation. ",
            "首先，我需要计算总数。"};
    private static final String[] COMPUTE = {
            "So %d + %d = %d. ",
            "That gives %d × %d = %d. ",
            "Then %d - %d = %d, which is the remaining amount. ",
            "Dividing, %d / %d = %d. ",
            "I recall the formula for the area: length times width, so %d × %d = %d. "};
    private static final String[] DOUBT = {
            "Wait, let me double-check that. ",
            "Hmm, that doesn't seem right. ",
            "But wait, did I account for everything? ",
            "Alternatively, I could count them one by one. ",
            "Wait, that's wrong. Let me redo the calculation. ",
            "等等，让我检查一下。"};
    private static final String[] CHECK = {
            "Let me verify: %d + %d = %d. Yes, that matches. ",
            "Plugging back in, %d × %d = %d, which checks out. ",
            "验证一下：%d + %d = %d，正确。"};
    private static final String[] CONSOLIDATE = {
            "So the answer is %d. ",
            "Therefore, the total is %d. ",
            "So the result should be %d. "};

    private SyntheticTraces() {
    }

    /** {@code count} traces of about {@code chars} characters each. */
    public static List<String> generate(int count, int chars, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(one(rnd, chars));
        }
        return out;
    }

    private static String one(Random rnd, int chars) {
        StringBuilder sb = new StringBuilder(chars + 400);
        sb.append(fill(pick(rnd, SETUP), rnd));
        sb.append(fill(pick(rnd, PLAN), rnd)).append("\n\n");
        int answer = 0;
        while (sb.length() < chars - 200) {
            int sentences = 2 + rnd.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                int kind = rnd.nextInt(10);
                String t = kind < 5 ? pick(rnd, COMPUTE) : kind < 7 ? pick(rnd, DOUBT) : kind < 9 ? pick(rnd, CHECK) : pick(rnd, CONSOLIDATE);
                sb.append(fill(t, rnd));
            }
            if (rnd.nextInt(4) == 0) {
                answer = rnd.nextInt(500);
                sb.append("So the answer is ").append(answer).append(". ");
            }
            sb.append("\n\n");
        }
        sb.append("</think>\n\nThe final answer is $\\boxed{").append(answer == 0 ? rnd.nextInt(500) : answer).append("}$.");
        return sb.toString();
    }

    private static String pick(Random rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String fill(String template, Random rnd) {
        int a = 2 + rnd.nextInt(98);
        int b = 2 + rnd.nextInt(98);
        int n = template.split("%d", -1).length - 1;
        Object[] args = switch (n) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {a};
            case 2 -> new Object[] {a, b};
            default -> new Object[] {a, b, a + b};
        };
        return String.format(template, args);
    }
}
