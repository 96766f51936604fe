package io.thoughtscope.reasoning.traces;

import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.ThinkFormat;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Record shapes: flat fields, chats, API responses, ShareGPT, token arrays and mapped paths. */
class TraceRecordShapesTest {

    // ---- flat records

    @Test
    void flatRecordWithSeparateThinking() {
        TraceRecord t = TraceReads.of("""
                {"id": "q-17", "question": "What is 6 * 7?", "reasoning_content": "6 * 7 = 42.", "response": "**42**", "ground_truth": 42, "model": "deepseek-reasoner"}
                """).only();

        assertThat(t.id()).isEqualTo("q-17");
        assertThat(t.question()).isEqualTo("What is 6 * 7?");
        assertThat(t.trace().format()).isEqualTo(ThinkFormat.SEPARATE);
        assertThat(t.trace().completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(t.trace().thinkingText()).isEqualTo("6 * 7 = 42.");
        assertThat(t.trace().answerText()).isEqualTo("**42**");
        assertThat(t.groundTruth()).isEqualTo("42");
        assertThat(t.model()).isEqualTo("deepseek-reasoner");
    }

    @Test
    void gsm8kAnswerIsTheRawReferenceNotTheOutput() {
        TraceRecord t = TraceReads.of("""
                {"question": "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?", "answer": "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\\n#### 72", "generated_text": "<think>48 in April, 24 in May.</think>\\n\\\\boxed{72}"}
                """).only();

        assertThat(t.trace().thinkingText()).isEqualTo("48 in April, 24 in May.");
        assertThat(t.groundTruth()).startsWith("Natalia sold 48/2").endsWith("\n#### 72");
    }

    @Test
    void anAnswerWithoutThinkTagsOrThinkingIsNotATrace() {
        TraceReads r = TraceReads.of("""
                {"question": "What is 2 + 2?", "answer": "2 + 2 = 4\\n#### 4"}
                """);

        assertThat(r.records).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("line 1: no trace text found (looked for: choices, messages, conversations")
                    .contains("reasoning_content", "response", "answer with think tags")
                    .endsWith("the record has fields: question, answer");
        });
    }

    @Test
    void anAnswerWithThinkTagsIsTheOutput() {
        TraceRecord t = TraceReads.of("""
                {"question": "What is 2 + 2?", "answer": "<think>Two and two.</think>The answer is 4."}
                """).only();

        assertThat(t.trace().format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(t.trace().answerText()).isEqualTo("The answer is 4.");
        assertThat(t.groundTruth()).isNull();
    }

    @Test
    void anAnswerNextToAThinkingFieldIsTheModelsAnswer() {
        TraceRecord t = TraceReads.of("""
                {"prompt": "What is 10 / 4?", "thinking": "10 / 4 = 2.5", "answer": "2.5", "gold": "5/2"}
                """).only();

        assertThat(t.question()).isEqualTo("What is 10 / 4?");
        assertThat(t.trace().thinkingText()).isEqualTo("10 / 4 = 2.5");
        assertThat(t.trace().answerText()).isEqualTo("2.5");
        assertThat(t.groundTruth()).isEqualTo("5/2");
    }

    @Test
    void aGroundTruthMappingOnAnswerNeverMakesItTheOutput() {
        FieldMapping m = FieldMapping.auto().withGroundTruth("answer");
        TraceRecord t = TraceReads.of(m, """
                {"question": "q", "reasoning": "still thinking when the limit hit", "answer": "12"}
                """, "x.jsonl").only();

        assertThat(t.groundTruth()).isEqualTo("12");
        assertThat(t.trace().thinkingText()).isEqualTo("still thinking when the limit hit");
        assertThat(t.trace().completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);
        assertThat(t.trace().answerText()).isEmpty();
    }

    @Test
    void groundTruthsAreRawJsonText() {
        TraceReads r = TraceReads.of("""
                {"response": "a", "ground_truth": 42}
                {"response": "a", "ground_truth": 12.50}
                {"response": "a", "ground_truth": -3.0}
                {"response": "a", "ground_truth": 12345678901234567890}
                {"response": "a", "ground_truth": true}
                {"response": "a", "ground_truth": ["1/2", "0.5"]}
                {"response": "a", "ground_truth": "#### 7"}
                {"response": "a", "answer": 1e-5}
                {"response": "a", "target": null}
                """);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::groundTruth).containsExactly(
                "42", "12.50", "-3.0", "12345678901234567890", "true", "[\"1/2\",\"0.5\"]", "#### 7", "0.00001", null);
    }

    @Test
    void logprobsWrittenByPythonWithNaNAndInfinityRead() {
        TraceRecord t = TraceReads.of("""
                {"response": "ab", "tokens": [{"text": "a", "logprob": -Infinity}, {"text": "b", "logprob": NaN}]}
                """).only();

        assertThat(t.trace().tokens()).extracting(Token::logprob)
                .containsExactly(Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test
    void idFieldsAndModelFieldsAreFoundByTheirCommonNames() {
        TraceReads r = TraceReads.of("""
                {"question_id": 123, "response": "a", "model_name": "o1"}
                {"unique_id": "test/algebra/1.json", "response": "a", "generator": "gpt-4o"}
                {"_id": "abc", "response": "a"}
                {"response": "a"}
                """);

        assertThat(r.records).extracting(TraceRecord::id)
                .containsExactly("123", "test/algebra/1.json", "abc", "paste.jsonl:4");
        assertThat(r.records).extracting(TraceRecord::model).containsExactly("o1", "gpt-4o", null, null);
    }

    @Test
    void nullContentAfterThinkingMeansTheThinkingWasCutOff() {
        TraceRecord t = TraceReads.of("""
                {"question": "q", "reasoning_content": "Let me think about this for a very long", "content": null}
                """).only();

        assertThat(t.trace().completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);
        assertThat(t.trace().thinkingText()).isEqualTo("Let me think about this for a very long");
    }

    @Test
    void anArrayOfSamplesGivesOneRecordEach() {
        TraceReads r = TraceReads.of("""
                {"id": "p1", "question": "q", "responses": ["<think>a</think>1", "<think>b</think>2", {"text": "<think>c</think>3"}], "answer": "2"}
                """);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::id).containsExactly("p1#1", "p1#2", "p1#3");
        assertThat(r.records).extracting(t -> t.trace().answerText()).containsExactly("1", "2", "3");
        assertThat(r.records).extracting(TraceRecord::groundTruth).containsOnly("2");
        assertThat(r.records).extracting(TraceRecord::question).containsOnly("q");
    }

    @Test
    void thinkingArraysPairWithSampleArraysOrAreJoined() {
        TraceReads paired = TraceReads.of("""
                {"question": "q", "thoughts": ["t1", "t2"], "outputs": ["o1", "o2"]}
                """);
        TraceRecord joined = TraceReads.of("""
                {"question": "q", "thinking_trajectories": ["first pass", "second pass"], "attempt": "final", "solution": "reference"}
                """).only();

        assertThat(paired.records).extracting(t -> t.trace().thinkingText()).containsExactly("t1", "t2");
        assertThat(paired.records).extracting(t -> t.trace().answerText()).containsExactly("o1", "o2");
        assertThat(joined.trace().thinkingText()).isEqualTo("first pass\n\nsecond pass");
        assertThat(joined.trace().answerText()).isEqualTo("final");
    }

    @Test
    void wrappedTextObjectsAreUnwrapped() {
        TraceRecord t = TraceReads.of("""
                {"question": {"text": "What is 1 + 1?"}, "output": {"content": "<think>one plus one</think>2"}}
                """).only();

        assertThat(t.question()).isEqualTo("What is 1 + 1?");
        assertThat(t.trace().answerText()).isEqualTo("2");
    }

    @Test
    void trlConversationalPromptAndCompletion() {
        TraceRecord t = TraceReads.of("""
                {"prompt": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Capital of France?"}], "completion": [{"role": "assistant", "content": "<think>Easy.</think>Paris"}]}
                """).only();

        assertThat(t.question()).isEqualTo("Capital of France?");
        assertThat(t.trace().thinkingText()).isEqualTo("Easy.");
        assertThat(t.trace().answerText()).isEqualTo("Paris");
    }

    // ---- chats

    @Test
    void openAiMessagesTakeTheLastReplyAndTheUserTurnBeforeIt() {
        TraceRecord t = TraceReads.of("""
                {"messages": [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": "Q1"}, {"role": "assistant", "content": "A1"}, {"role": "user", "content": "Is 97 prime?"}, {"role": "assistant", "reasoning_content": "Check 2, 3, 5, 7: none divides 97.", "content": "Yes, 97 is prime."}], "answer": "yes"}
                """).only();

        assertThat(t.question()).isEqualTo("Is 97 prime?");
        assertThat(t.trace().format()).isEqualTo(ThinkFormat.SEPARATE);
        assertThat(t.trace().thinkingText()).isEqualTo("Check 2, 3, 5, 7: none divides 97.");
        assertThat(t.trace().answerText()).isEqualTo("Yes, 97 is prime.");
        assertThat(t.groundTruth()).isEqualTo("yes");
    }

    @Test
    void contentPartsAreJoinedAndThinkTagsInContentAreSplit() {
        TraceRecord t = TraceReads.of("""
                {"messages": [{"role": "user", "content": [{"type": "text", "text": "Part one. "}, {"type": "image_url", "image_url": {"url": "x"}}, {"type": "text", "text": "Part two."}]}, {"role": "assistant", "content": [{"type": "thinking", "thinking": "Parts one and two."}, {"type": "text", "text": "Done."}]}]}
                """).only();
        TraceReads tagged = TraceReads.of("""
                {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "<think>greet back</think>Hello!"}]}
                """);

        assertThat(t.question()).isEqualTo("Part one. Part two.");
        assertThat(t.trace().thinkingText()).isEqualTo("Parts one and two.");
        assertThat(t.trace().answerText()).isEqualTo("Done.");
        assertThat(tagged.only().trace().format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(tagged.only().trace().answerText()).isEqualTo("Hello!");
    }

    @Test
    void aChatWithoutAReplyGivesTheQuestionToAFlatOutput() {
        TraceRecord t = TraceReads.of("""
                {"messages": [{"role": "system", "content": "Think step by step."}, {"role": "user", "content": "What is 3^4?"}], "response": "<think>3*3*3*3</think>81"}
                """).only();

        assertThat(t.question()).isEqualTo("What is 3^4?");
        assertThat(t.trace().answerText()).isEqualTo("81");
    }

    @Test
    void shareGptOpenThoughtsConversation() {
        TraceRecord t = TraceReads.of("""
                {"system": "Your role as an assistant involves thoroughly exploring questions", "conversations": [{"from": "user", "value": "Return your final response within \\\\boxed{}. Find 2^10."}, {"from": "assistant", "value": "<|begin_of_thought|>\\n\\n2^10 is 1024.\\n\\n<|end_of_thought|>\\n\\n<|begin_of_solution|>\\n\\n\\\\boxed{1024}\\n\\n<|end_of_solution|>"}]}
                """).only();

        assertThat(t.question()).isEqualTo("Return your final response within \\boxed{}. Find 2^10.");
        assertThat(t.trace().format()).isEqualTo(ThinkFormat.BEGIN_OF_THOUGHT);
        assertThat(t.trace().thinkingText()).isEqualTo("\n\n2^10 is 1024.\n\n");
        assertThat(t.trace().answerText()).contains("\\boxed{1024}").doesNotContain("<|begin_of_solution|>");
    }

    @Test
    void shareGptHumanAndGpt() {
        TraceRecord t = TraceReads.of("""
                {"id": "sg-1", "conversations": [{"from": "human", "value": "Name a prime."}, {"from": "gpt", "value": "<think>2 is prime</think>2"}]}
                """).only();

        assertThat(t.id()).isEqualTo("sg-1");
        assertThat(t.question()).isEqualTo("Name a prime.");
        assertThat(t.trace().answerText()).isEqualTo("2");
    }

    // ---- API responses

    @Test
    void chatCompletionWithSeveralChoicesAndLogprobs() {
        TraceReads r = TraceReads.of("""
                {"id": "chatcmpl-abc", "object": "chat.completion", "model": "qwen3-8b", "question": "2 + 2?", "choices": [
                  {"index": 0, "message": {"role": "assistant", "reasoning_content": "2 + 2 = 4", "content": "4"}, "finish_reason": "stop",
                   "logprobs": {"content": [{"token": "4", "logprob": -0.01, "bytes": [52], "top_logprobs": [{"token": "5", "logprob": -4.6}, {"token": "4", "logprob": -0.01}]}]}},
                  {"index": 1, "message": {"role": "assistant", "content": "<think>hmm</think>5"}, "finish_reason": "stop",
                   "logprobs": {"content": [{"token": "<think>", "logprob": 0.0, "top_logprobs": []}, {"token": "hmm", "logprob": -1.5, "top_logprobs": [{"token": "hmm", "logprob": -1.5}, {"token": "ok", "logprob": -0.7}]}]}}
                ], "usage": {"completion_tokens": 9}}
                """);

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::id).containsExactly("chatcmpl-abc#1", "chatcmpl-abc#2");
        assertThat(r.records).extracting(TraceRecord::model).containsOnly("qwen3-8b");
        assertThat(r.records).extracting(TraceRecord::question).containsOnly("2 + 2?");
        TraceRecord first = r.records.get(0);
        assertThat(first.trace().format()).isEqualTo(ThinkFormat.SEPARATE);
        assertThat(first.trace().answerText()).isEqualTo("4");
        Token four = first.trace().tokens().getFirst();
        assertThat(four.id()).isEqualTo(-1);
        assertThat(four.text()).isEqualTo("4");
        assertThat(four.logprob()).isEqualTo(-0.01);
        assertThat(four.timeNanos()).isEqualTo(-1);
        assertThat(four.alternatives()).extracting(TopToken::text).containsExactly("4", "5");
        assertThat(four.entropy()).isEqualTo(Token.entropyFromTopK(four.alternatives()));
        assertThat(four.entropy()).isGreaterThan(0.05).isLessThan(0.2);
        TraceRecord second = r.records.get(1);
        assertThat(second.trace().format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(second.trace().tokens()).extracting(Token::text).containsExactly("<think>", "hmm");
        assertThat(second.trace().tokens().get(0).hasEntropy()).isFalse();
        assertThat(second.trace().tokens().get(1).alternatives()).extracting(TopToken::text).containsExactly("ok", "hmm");
        assertThat(second.trace().tokens().get(1).entropy()).isCloseTo(
                Token.entropyFromTopK(List.of(new TopToken(-1, "ok", -0.7), new TopToken(-1, "hmm", -1.5))), within(1e-12));
    }

    @Test
    void aSingleChoiceGetsNoSuffixAndTheRequestMessagesGiveTheQuestion() {
        TraceRecord t = TraceReads.of("""
                {"id": "chatcmpl-1", "messages": [{"role": "user", "content": "Say hi"}], "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi", "reasoning": "The user wants a greeting."}}]}
                """).only();

        assertThat(t.id()).isEqualTo("chatcmpl-1");
        assertThat(t.question()).isEqualTo("Say hi");
        assertThat(t.trace().thinkingText()).isEqualTo("The user wants a greeting.");
    }

    @Test
    void completionsTextChoiceWithLegacyLogprobs() {
        TraceRecord t = TraceReads.of("""
                {"id": "cmpl-1", "model": "DeepSeek-R1-Distill-Qwen-1.5B", "prompt": "1+1=", "choices": [{"index": 0, "text": "<think>2</think>2", "logprobs": {"tokens": ["<think>", "2"], "token_logprobs": [-0.1, -0.2], "top_logprobs": [{"<think>": -0.1, "<th": -2.5}, {"2": -0.2}], "text_offset": [0, 7]}}]}
                """).only();

        assertThat(t.question()).isEqualTo("1+1=");
        assertThat(t.model()).isEqualTo("DeepSeek-R1-Distill-Qwen-1.5B");
        assertThat(t.trace().thinkingText()).isEqualTo("2");
        assertThat(t.trace().tokens()).extracting(Token::text).containsExactly("<think>", "2");
        assertThat(t.trace().tokens()).extracting(Token::logprob).containsExactly(-0.1, -0.2);
        assertThat(t.trace().tokens().getFirst().alternatives()).extracting(TopToken::text).containsExactly("<think>", "<th");
        assertThat(t.trace().tokens().getFirst().entropy()).isEqualTo(Token.entropyFromTopK(t.trace().tokens().getFirst().alternatives()));
    }

    @Test
    void batchApiOutputLines() {
        TraceRecord t = TraceReads.of("""
                {"id": "batch_req_1", "custom_id": "gsm8k-3", "response": {"status_code": 200, "request_id": "r", "body": {"id": "chatcmpl-x", "model": "o3-mini", "choices": [{"index": 0, "message": {"role": "assistant", "content": "72"}}]}}, "error": null}
                """).only();

        assertThat(t.id()).isEqualTo("gsm8k-3");
        assertThat(t.model()).isEqualTo("o3-mini");
        assertThat(t.trace().answerText()).isEqualTo("72");
    }

    @Test
    void flagsAndLabelsAreNotTraces() {
        TraceRecord t = TraceReads.of("""
                {"question": "q", "cot": true, "prediction": 3, "completion": "<think>real</think>3"}
                """).only();

        assertThat(t.trace().thinkingText()).isEqualTo("real");
    }

    @Test
    void multipleChoiceOptionsAreNotApiChoices() {
        TraceRecord t = TraceReads.of("""
                {"question": "Which is a prime?", "choices": ["4", "6", "7", "9"], "answer": 2, "response": "<think>7 is prime</think>C"}
                """).only();

        assertThat(t.trace().answerText()).isEqualTo("C");
        assertThat(t.groundTruth()).isEqualTo("2");
    }

    // ---- token arrays in the record

    @Test
    void tokenObjectsUseTheGivenEntropyElseEstimateIt() {
        TraceRecord t = TraceReads.of("""
                {"prompt": "p", "output": "<think>ok</think>yes", "tokens": [{"id": 13, "text": "<think>", "logprob": -0.5, "top_k": [{"id": 7, "token": "Let", "logprob": -1.2}, {"id": 13, "token": "<think>", "logprob": -0.5}], "entropy": 0.93}, {"piece": "ok", "logprob": -0.1, "alternatives": [{"text": "ok", "logprob": -0.1}, {"text": "so", "logprob": -2.4}]}, {"token": "</think>", "logprob": -0.05}, {"token": "yes"}]}
                """).only();

        List<Token> tokens = t.trace().tokens();
        assertThat(tokens).extracting(Token::text).containsExactly("<think>", "ok", "</think>", "yes");
        assertThat(tokens.get(0).id()).isEqualTo(13);
        assertThat(tokens.get(0).entropy()).isEqualTo(0.93);
        assertThat(tokens.get(0).alternatives()).extracting(TopToken::id).containsExactly(13, 7);
        assertThat(tokens.get(1).entropy()).isEqualTo(Token.entropyFromTopK(tokens.get(1).alternatives()));
        assertThat(tokens.get(1).hasEntropy()).isTrue();
        assertThat(tokens.get(2).hasEntropy()).isFalse();
        assertThat(tokens.get(3).hasLogprob()).isFalse();
    }

    @Test
    void parallelTokenAndLogprobArraysAndBareTokenIds() {
        TraceReads r = TraceReads.of("""
                {"response": "ab", "tokens": ["a", "b"], "logprobs": [-0.3, -0.4]}
                {"response": "ab", "logprobs": [{"token": "a", "logprob": -1.0}, {"token": "b", "logprob": -2.0}]}
                {"response": "ab", "tokens": [64, 65]}
                """);

        assertThat(r.problems).isEmpty();
        assertThat(r.records.get(0).trace().tokens()).extracting(Token::logprob).containsExactly(-0.3, -0.4);
        assertThat(r.records.get(1).trace().tokens()).extracting(Token::text).containsExactly("a", "b");
        assertThat(r.records.get(2).trace().tokens()).isEmpty();
    }

    // ---- mapped paths

    @Test
    void nestedMappingPaths() {
        FieldMapping m = new FieldMapping("problem.statement", null, null, "model_answers.thinking_model",
                "problem.answer", "meta.uid");
        TraceReads r = TraceReads.of(m, """
                [
                  {"meta": {"uid": "u1"}, "problem": {"statement": "Sum of 8 and 9?", "answer": 17},
                   "model_answers": {"thinking_model": "<think>8 + 9 = 17</think>17", "base_model": "18"}},
                  {"meta": {"uid": "u2"}, "problem": {"statement": "Double 21?", "answer": 42},
                   "model_answers": {"thinking_model": "<think>21 * 2</think>42", "base_model": "42"}}
                ]""", "nested.json");

        assertThat(r.problems).isEmpty();
        assertThat(r.records).extracting(TraceRecord::id).containsExactly("u1", "u2");
        assertThat(r.records).extracting(TraceRecord::question).containsExactly("Sum of 8 and 9?", "Double 21?");
        assertThat(r.records).extracting(TraceRecord::groundTruth).containsExactly("17", "42");
        assertThat(r.records).extracting(t -> t.trace().thinkingText()).containsExactly("8 + 9 = 17", "21 * 2");
    }

    @Test
    void mappedThinkingAndAnswerWithArrayIndices() {
        FieldMapping m = FieldMapping.auto().withThinking("runs.-1.trace").withAnswer("runs.-1.final").withQuestion("input");
        TraceRecord t = TraceReads.of(m, """
                {"input": "q", "runs": [{"trace": "old", "final": "x"}, {"trace": "new thinking", "final": "y"}], "response": "ignored"}
                """, "idx.jsonl").only();

        assertThat(t.question()).isEqualTo("q");
        assertThat(t.trace().thinkingText()).isEqualTo("new thinking");
        assertThat(t.trace().answerText()).isEqualTo("y");
    }

    @Test
    void aMissingMappedOutputFieldIsAProblemForThatRecordOnly() {
        FieldMapping m = FieldMapping.auto().withText("model_answers.thinking_model");
        TraceReads r = TraceReads.of(m, """
                [
                  {"question": "q1", "model_answers": {"thinking_model": "<think>a</think>1"}},
                  {"question": "q2", "model_answers": {"thinking_model": "<think>b</think>2"}},
                  {"question": "q3", "model_answers": {"base_model": "3"}},
                  {"question": "q4", "model_answers": {"thinking_model": "<think>d</think>4"}}
                ]""", "mapped.json");

        assertThat(r.records).extracting(TraceRecord::question).containsExactly("q1", "q2", "q4");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo(
                    "record 3: field 'model_answers.thinking_model' not found ('model_answers' has fields: base_model)");
        });
    }

    @Test
    void aMissingMappedGroundTruthKeepsTheRecordAndSaysSo() {
        FieldMapping m = FieldMapping.auto().withGroundTruth("gold");
        TraceReads r = TraceReads.of(m, """
                {"question": "q1", "response": "a1", "gold": 1}
                {"question": "q2", "response": "a2", "answer": "2"}
                """, "gt.jsonl");

        assertThat(r.records).extracting(TraceRecord::groundTruth).containsExactly("1", null);
        assertThat(r.messages()).containsExactly(
                "line 2: ground-truth field 'gold' not found (the record has fields: question, response, answer); "
                        + "read without a ground truth");
    }

    @Test
    void flattenedFieldNamesWithDotsAreFound() {
        FieldMapping m = FieldMapping.auto().withText("model_answers.thinking_model");
        TraceRecord t = TraceReads.of(m, """
                {"question": "q", "model_answers.thinking_model": "<think>flat</think>ok"}
                """, "flat.jsonl").only();

        assertThat(t.trace().thinkingText()).isEqualTo("flat");
    }

    @Test
    void aMappedOutputTurnsShapeDetectionOff() {
        FieldMapping m = FieldMapping.auto().withText("final");
        TraceRecord t = TraceReads.of(m, """
                {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "chat reply"}], "final": "<think>t</think>mapped"}
                """, "m.jsonl").only();

        assertThat(t.trace().answerText()).isEqualTo("mapped");
        assertThat(t.question()).isEqualTo("q");
    }

    @Test
    void anExplicitlyNullOutputIsReported() {
        FieldMapping m = FieldMapping.auto().withAnswer("out");
        TraceReads r = TraceReads.of(m, "{\"out\": null}\n{\"out\": \"fine\"}\n", "n.jsonl");

        assertThat(r.records).extracting(t -> t.trace().answerText()).containsExactly("fine");
        assertThat(r.messages()).containsExactly("line 1: field 'out' is null and no thinking was found");
    }
}
