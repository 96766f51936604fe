package io.thoughtscope.reasoning.analysis;

/** Traces written for the tests in the shapes real reasoning models produce. */
final class SampleTraces {

    private SampleTraces() {
    }

    /** DeepSeek-R1 distill style: no opening tag (it was in the prompt), a change of mind, a box. */
    static final String R1_APPLES = """
            Okay, so I need to find how many apples Janet has left. She starts with 16 apples and gives away 3 to each of her 4 friends.

            First, let me compute how many she gives away: 3 × 4 = 12. So she has 16 - 12 = 4 left. So the answer is 4.

            Wait, let me double-check. Hmm, the problem says she also buys 5 more before giving any away. That's wrong — I forgot those 5. So 16 + 5 = 21, and 21 - 12 = 9.

            Alternatively, I could think of it as 16 - 12 + 5 = 9. Yes, 9 apples.
            </think>

            Janet has **9** apples left.

            **Final Answer**
            \\[
            \\boxed{9}
            \\]""";

    /** QwQ style with an explicit opening tag, cut off by the token limit inside the thinking. */
    static final String QWQ_CUT_OFF = """
            <think>
            Let me think about this problem. We are given a triangle with sides 3, 4 and 5.

            I recall that a triangle with sides satisfying a^2 + b^2 = c^2 is a right triangle. Check: 9 + 16 = 25. Yes.

            So the area is (1/2) × 3 × 4 = 6. Let me verify this with Heron's formula: s = 6, area = sqrt(6 × 3 × 2 × 1) = 6. Wait, that matches. But let me also compute the inradius, which is area / s = 1, so""";

    /** A Chinese trace from a distilled model. */
    static final String CHINESE = """
            <think>
            题目要求计算 12 乘以 15 的结果。

            首先，12 × 15 = 12 × 10 + 12 × 5 = 120 + 60 = 180。等等，让我检查一下。12 × 15，可以写成 15 × 12 = 150 + 30 = 180。验证一下：180 ÷ 12 = 15，正确。

            所以答案是 180。
            </think>

            答案是 $\\boxed{180}$。""";

    /** s1's format. */
    static final String S1 = """
            <|im_start|>think
            The sum of the first 10 positive integers is 10 × 11 / 2 = 55.
            Wait, let me recheck: 1+2+...+10 = 55. Correct.
            <|im_start|>answer
            Answer: 55""";

    /** OpenThoughts / Sky-T1 format. */
    static final String BEGIN_OF_THOUGHT = """
            <|begin_of_thought|>

            We need 2 + 2. That is 4.

            <|end_of_thought|>

            <|begin_of_solution|>

            The answer is $\\boxed{4}$.

            <|end_of_solution|>""";

    /** Kimi's tags. */
    static final String KIMI = "◁think▷Compute 7 × 8. 7 × 8 = 56.◁/think▷The product is \\boxed{56}.";

    /** A model stuck repeating itself until the limit. */
    static final String LOOPING = "<think>\nLet me compute the sum of the digits of 2^10 = 1024.\n\n"
            + "1 + 0 + 2 + 4 = 7. So the sum is 7. But wait, let me check again. ".repeat(6)
            + "1 + 0 + 2 + 4 = 7. So the sum";
}
