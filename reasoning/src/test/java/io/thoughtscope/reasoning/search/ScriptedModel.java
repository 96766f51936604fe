package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Capabilities;
import io.thoughtscope.reasoning.spi.ChatFormat;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.ModelInfo;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;
import io.thoughtscope.reasoning.spi.Tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A deterministic stand-in model for algorithm tests: one token per character (id = char), token
 * 0 ends generation, and a script decides the next character from the sequence's text and the
 * step's seed. It counts evaluated tokens like a real engine, so prefix sharing is visible.
 */
public final class ScriptedModel implements LanguageModel {

    /** Chooses the next character (0 to end) from the text so far and the sampling seed. */
    private final BiFunction<String, Long, Character> script;
    private final List<Seq> live = new ArrayList<>();
    private int nextId;
    private long prompt;
    private long decoded;
    private long steps;

    public ScriptedModel(BiFunction<String, Long, Character> script) {
        this.script = script;
    }

    private final class Seq implements Sequence {
        final int id = nextId++;
        StringBuilder text = new StringBuilder();
        int evaluated;

        @Override
        public int id() {
            return id;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int[] tokens() {
            return text.chars().toArray();
        }
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("scripted", "", "test", 0, "", 0, 1 << 20, "cpu", 0, 0);
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, 0, true, true, 1024);
    }

    @Override
    public Tokenizer tokenizer() {
        return new Tokenizer() {
            @Override
            public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
                return text.chars().toArray();
            }

            @Override
            public byte[] tokenBytes(int token) {
                return String.valueOf((char) token).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String detokenize(int[] tokens) {
                StringBuilder sb = new StringBuilder();
                for (int t : tokens) {
                    sb.append((char) t);
                }
                return sb.toString();
            }

            @Override
            public int vocabularySize() {
                return 65536;
            }

            @Override
            public boolean isEndOfGeneration(int token) {
                return token == 0;
            }
        };
    }

    @Override
    public ChatFormat chat() {
        return new ChatFormat() {
            @Override
            public String render(List<ChatMessage> messages, boolean addGenerationPrompt, boolean thinking) {
                StringBuilder sb = new StringBuilder();
                for (ChatMessage m : messages) {
                    sb.append(m.role()).append(": ").append(m.content()).append('\n');
                }
                return sb.append(addGenerationPrompt ? "assistant: " + (thinking ? "<think>\n" : "") : "").toString();
            }

            @Override
            public String thinkOpen() {
                return "<think>";
            }

            @Override
            public String thinkClose() {
                return "</think>";
            }

            @Override
            public boolean canDisableThinking() {
                return true;
            }
        };
    }

    @Override
    public Sequence prefill(int[] tokens) {
        Seq s = new Seq();
        for (int t : tokens) {
            s.text.append((char) t);
        }
        s.evaluated = tokens.length - 1;
        prompt += tokens.length - 1;
        live.add(s);
        return s;
    }

    @Override
    public Sequence fork(Sequence parent) {
        Seq p = (Seq) parent;
        Seq c = new Seq();
        c.text.append(p.text);
        c.evaluated = p.evaluated;
        live.add(c);
        return c;
    }

    @Override
    public void append(Sequence sequence, int[] tokens) {
        for (int t : tokens) {
            ((Seq) sequence).text.append((char) t);
        }
    }

    @Override
    public void truncate(Sequence sequence, int length) {
        Seq s = (Seq) sequence;
        s.text.setLength(length);
        s.evaluated = Math.min(s.evaluated, length - 1);
    }

    @Override
    public List<TokenStep> step(List<StepRequest> requests) {
        steps++;
        List<TokenStep> out = new ArrayList<>();
        for (StepRequest r : requests) {
            Seq s = (Seq) r.sequence();
            decoded += s.text.length() - s.evaluated;
            s.evaluated = s.text.length();
            char c = script.apply(s.text.toString(), r.sampling().seed() + s.text.length());
            s.text.append(c);
            out.add(new TokenStep(s, new Token(c, c == 0 ? "" : String.valueOf(c), -0.5, List.of(), 1.0, 0), c == 0));
        }
        return out;
    }

    @Override
    public void release(Sequence sequence) {
        live.remove(sequence);
    }

    @Override
    public Counters counters() {
        return new Counters(prompt, decoded, steps, 0, 0, 0);
    }

    @Override
    public void resetCounters() {
        prompt = 0;
        decoded = 0;
        steps = 0;
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }

    public int liveSequences() {
        return live.size();
    }

    static int[] chars(String s) {
        return Arrays.stream(s.chars().toArray()).toArray();
    }
}
