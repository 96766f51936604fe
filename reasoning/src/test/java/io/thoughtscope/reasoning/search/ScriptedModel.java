package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.spi.Capabilities;
import io.thoughtscope.reasoning.spi.ChatFormat;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.ModelInfo;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;
import io.thoughtscope.reasoning.spi.Tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;

/**
 * A deterministic stand-in model for algorithm tests. One token per character (id = char) plus
 * optional word tokens (ids from {@code 0xE000}, tokenized greedily, longest first), token 0 ends
 * generation. A script gives the next-token distribution (a few candidates with logits) from the
 * sequence's text, the step's sampling parameters and seed; the model adds the logit biases and
 * takes the most likely candidate, so suppressions and penalties really change what is produced.
 * It counts evaluated tokens like a real engine (a pending token is evaluated by the next step,
 * a truncation re-evaluates the last kept token), so prefix sharing is visible, and it refuses
 * more live sequences than it declares.
 */
public final class ScriptedModel implements LanguageModel {

    /** The text of the end-of-generation token in a script's distribution. */
    public static final String END = "\0";

    /** What a script sees at a step. */
    public record Context(String text, long seed, SamplingParams sampling, int topK, int sequence) {
        /** The bias the step puts on a token of the vocabulary (a word token or one character). */
        public float bias(ScriptedModel model, String token) {
            return sampling.logitBias().getOrDefault(model.id(token), 0f);
        }
    }

    /** A next-token distribution: candidate texts with logits, most likely first in ties. */
    public record Dist(Map<String, Double> logits) {
        public Dist {
            logits = new LinkedHashMap<>(logits);
        }

        /** A sure token. */
        public static Dist of(String token) {
            return new Dist(Map.of(token, 0.0));
        }

        /** Candidates in order of preference with decreasing logits 0, -1, -2, ... */
        public static Dist ranked(String... tokens) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < tokens.length; i++) {
                m.put(tokens[i], -(double) i);
            }
            return new Dist(m);
        }

        public static Dist end() {
            return of(END);
        }
    }

    @FunctionalInterface
    public interface Script {
        Dist next(Context context);
    }

    private final Script script;
    private final List<String> words;
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final List<Seq> live = new ArrayList<>();
    private final List<Context> seen = new ArrayList<>();
    private int maxSequences = 1024;
    private int maxTopK = 20;
    private int nextId;
    private int peakLive;
    private long prompt;
    private long decoded;
    private long steps;
    private int prefills;
    private volatile boolean cancelled;

    /** The original char-level form: the script sees the text and {@code seed + length}. */
    public ScriptedModel(BiFunction<String, Long, Character> script) {
        this(c -> {
            char ch = script.apply(c.text(), c.seed() + c.text().length());
            return Dist.of(ch == 0 ? END : String.valueOf(ch));
        }, List.of());
    }

    public ScriptedModel(Script script, List<String> words) {
        this.script = script;
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            wordIds.put(this.words.get(i), 0xE000 + i);
        }
    }

    public ScriptedModel withMaxSequences(int n) {
        maxSequences = n;
        return this;
    }

    public ScriptedModel withMaxTopK(int k) {
        maxTopK = k;
        return this;
    }

    private final class Seq implements Sequence {
        final int id = nextId++;
        final List<Integer> ids = new ArrayList<>();
        int evaluated;

        @Override
        public int id() {
            return id;
        }

        @Override
        public int length() {
            return ids.size();
        }

        @Override
        public int[] tokens() {
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int t : ids) {
                sb.append(piece(t));
            }
            return sb.toString();
        }
    }

    /** The id of a vocabulary entry: a word token or a single character. */
    public int id(String token) {
        Integer w = wordIds.get(token);
        if (w != null) {
            return w;
        }
        if (token.length() != 1) {
            throw new IllegalArgumentException("not in the vocabulary: '" + token + "'");
        }
        return token.charAt(0);
    }

    String piece(int id) {
        if (id == 0) {
            return "";
        }
        return id >= 0xE000 ? words.get(id - 0xE000) : String.valueOf((char) id);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("scripted", "", "test", 0, "", 0, 1 << 20, "cpu", 0, 0);
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, maxTopK, true, true, maxSequences);
    }

    @Override
    public Tokenizer tokenizer() {
        return new Tokenizer() {
            @Override
            public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
                List<Integer> out = new ArrayList<>();
                int i = 0;
                while (i < text.length()) {
                    String best = null;
                    for (String w : words) {
                        if (text.startsWith(w, i) && (best == null || w.length() > best.length())) {
                            best = w;
                        }
                    }
                    if (best != null) {
                        out.add(wordIds.get(best));
                        i += best.length();
                    } else {
                        out.add((int) text.charAt(i++));
                    }
                }
                return out.stream().mapToInt(Integer::intValue).toArray();
            }

            @Override
            public byte[] tokenBytes(int token) {
                return piece(token).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String detokenize(int[] tokens) {
                StringBuilder sb = new StringBuilder();
                for (int t : tokens) {
                    sb.append(piece(t));
                }
                return sb.toString();
            }

            @Override
            public int vocabularySize() {
                return 0xE000 + words.size();
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

    private Seq register() {
        if (live.size() >= maxSequences) {
            throw new IllegalStateException("more than " + maxSequences + " live sequences");
        }
        Seq s = new Seq();
        live.add(s);
        peakLive = Math.max(peakLive, live.size());
        return s;
    }

    private Seq own(Sequence sequence) {
        Seq s = (Seq) sequence;
        if (!live.contains(s)) {
            throw new IllegalStateException("sequence " + s.id + " was released");
        }
        return s;
    }

    @Override
    public Sequence prefill(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("empty prompt");
        }
        Seq s = register();
        for (int t : tokens) {
            s.ids.add(t);
        }
        s.evaluated = tokens.length - 1;
        prompt += tokens.length - 1;
        prefills++;
        return s;
    }

    @Override
    public Sequence fork(Sequence parent) {
        Seq p = own(parent);
        Seq c = register();
        c.ids.addAll(p.ids);
        c.evaluated = p.evaluated;
        return c;
    }

    @Override
    public void append(Sequence sequence, int[] tokens) {
        Seq s = own(sequence);
        for (int t : tokens) {
            s.ids.add(t);
        }
    }

    @Override
    public void truncate(Sequence sequence, int length) {
        Seq s = own(sequence);
        if (length < 1 || length > s.ids.size()) {
            throw new IllegalArgumentException("cannot truncate " + s.ids.size() + " tokens to " + length);
        }
        s.ids.subList(length, s.ids.size()).clear();
        s.evaluated = Math.min(s.evaluated, length - 1);
    }

    @Override
    public List<TokenStep> step(List<StepRequest> requests) {
        if (cancelled) {
            cancelled = false;
            throw new CancellationException("cancelled");
        }
        steps++;
        List<TokenStep> out = new ArrayList<>();
        for (StepRequest r : requests) {
            Seq s = own(r.sequence());
            decoded += s.ids.size() - s.evaluated;
            s.evaluated = s.ids.size();
            Context context = new Context(s.text(), r.sampling().seed(), r.sampling(), r.topK(), s.id);
            seen.add(context);
            out.add(sample(s, script.next(context), r));
        }
        return out;
    }

    private TokenStep sample(Seq s, Dist dist, StepRequest r) {
        Map<String, Double> logits = dist.logits();
        double max = logits.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double z = 0;
        for (double l : logits.values()) {
            z += Math.exp(l - max);
        }
        double logZ = max + Math.log(z);
        String chosen = null;
        double chosenBiased = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : logits.entrySet()) {
            double biased = e.getValue() + r.sampling().logitBias().getOrDefault(id(e.getKey()), 0f);
            if (chosen == null || biased > chosenBiased) {
                chosen = e.getKey();
                chosenBiased = biased;
            }
        }
        if (chosenBiased == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("the script offered only suppressed tokens at: " + s.text());
        }
        List<TopToken> alternatives = logits.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed())
                .limit(Math.min(r.topK(), maxTopK))
                .map(e -> new TopToken(id(e.getKey()), e.getKey().equals(END) ? "" : e.getKey(), e.getValue() - logZ))
                .toList();
        int id = id(chosen);
        s.ids.add(id);
        double entropy = 0;
        for (double l : logits.values()) {
            double p = Math.exp(l - logZ);
            entropy -= p > 0 ? p * Math.log(p) : 0;
        }
        Token token = new Token(id, piece(id), logits.get(chosen) - logZ, alternatives, entropy, 0);
        return new TokenStep(s, token, id == 0);
    }

    @Override
    public void release(Sequence sequence) {
        if (!live.remove((Seq) sequence)) {
            throw new IllegalStateException("sequence " + sequence.id() + " released twice");
        }
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
        prefills = 0;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
    }

    public int liveSequences() {
        return live.size();
    }

    public int peakLiveSequences() {
        return peakLive;
    }

    public int prefills() {
        return prefills;
    }

    /** Every step request the script answered, in order. */
    public List<Context> seen() {
        return List.copyOf(seen);
    }

    /** The texts of the live sequences. */
    public List<String> liveTexts() {
        return live.stream().map(Seq::text).toList();
    }

    static int[] chars(String s) {
        return Arrays.stream(s.chars().toArray()).toArray();
    }
}
