package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.thoughtscope.runtime.llama.TemplateChatFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model served by an OpenAI-compatible server (vLLM, SGLang, llama-server, Ollama, LM Studio),
 * behind the same {@link LanguageModel} SPI as the in-process engine.
 *
 * <p>A remote sequence is a text prefix: the rendered prompt plus what was generated or forced.
 * {@link #prefill} only remembers the prompt, {@link #fork} copies the prefix, and nothing is
 * evaluated here. The first {@link #step} of a sequence opens a streaming request that continues
 * its text (raw completions, so every fork is a continuation of the same prefix and the server's
 * prefix cache does the shared work); later steps take the next token from that stream. Editing
 * a sequence, or asking with other sampling settings, ends its stream and the next step opens a
 * new one. Requests ask for a growing number of tokens (16, then 4x up to the spec's maximum), so
 * a step of a search wastes little when it ends early and a long reply still needs few requests.
 * A step over many sequences is served by concurrent requests (up to the spec's concurrency;
 * new sequences with the same prefix and settings share one request with {@code n} samples where
 * the server allows it). Tokens carry the server's log-probabilities and top alternatives, and
 * an entropy estimated from those ({@link Token#entropyFromTopK}), as {@link #capabilities()} says.
 *
 * <p>What a server cannot do is refused with a {@link RemoteException}, never silently skipped:
 * logit biases without a token mapping, continuations on a chat-only server. A stream that
 * breaks in the middle fails the step with {@link RemoteException.Kind#CUT}; the tokens taken
 * before stay in their sequences. Not thread-safe, except {@link #cancel()}.
 */
public final class RemoteEngine implements LanguageModel {

    /** Alternatives asked for even when none are wanted: the entropy estimate needs some. */
    static final int MIN_TOP_LOGPROBS = 5;
    /** The most alternatives asked for (OpenAI's and vLLM's default limit). */
    static final int MAX_TOP_LOGPROBS = 20;
    static final int FIRST_CHUNK = 16;
    private static final int MAX_SEQUENCES = 4096;
    private static final long POLL_MS = 100;

    private final ServerSpec spec;
    private final ServerInfo server;
    private final RemoteHttp http;
    private final PieceVocabulary vocab;
    private final ChatFormat chat;
    private final Map<String, Rendered> renderings;
    private final TokenIds tokenIds;
    private final Capabilities capabilities;
    private final ModelInfo info;
    private final Semaphore permits;
    private final ExecutorService readers;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicInteger ids = new AtomicInteger();
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    private long decodedTokens;
    private long steps;
    private long decodeNanos;

    /** A conversation a prompt was rendered from (the chat endpoint sends the conversation). */
    private record Rendered(List<ChatMessage> messages, boolean thinking) {}

    /** A choice finished, with the server's reason. */
    private record Finish(String reason) {}

    /** A stream failed. */
    private record Failure(RemoteException error) {}

    private RemoteEngine(RemoteHttp http, ServerInfo server) {
        this.spec = http.spec();
        this.http = http;
        this.server = server;
        String template = server.template();
        String open = template != null && template.contains("<|begin_of_thought|>") ? "<|begin_of_thought|>" : "<think>";
        String close = open.equals("<think>") ? "</think>" : "<|end_of_thought|>";
        // the servers add their start token themselves: a template's own would double it
        TemplateChatFormat format = new TemplateChatFormat(template, "", server.eos(), open, close);
        this.renderings = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
                return size() > 64;
            }
        });
        this.chat = server.endpoint() == Endpoint.CHAT ? new RememberingFormat(format) : format;
        Set<String> specials = new LinkedHashSet<>(List.of(open, close, "<think>", "</think>", "<|im_start|>", "<|im_end|>",
                "<|endoftext|>", "<｜User｜>", "<｜Assistant｜>", "<｜end▁of▁sentence｜>", "<｜begin▁of▁sentence｜>"));
        specials.add(server.eos());
        this.vocab = new PieceVocabulary(specials);
        this.tokenIds = server.logitBias() ? new TokenIds(http, server.kind(), server.model()) : null;
        this.capabilities = new Capabilities(server.logitBias(), server.logprobs() ? MAX_TOP_LOGPROBS : 0, false,
                server.endpoint().continuesPrefixes(), MAX_SEQUENCES);
        this.info = new ModelInfo(server.model(), spec.baseUrl() + " (" + server.kind().key() + ")", server.architecture(),
                0, server.quantization(), server.context(), server.context(), "remote", 0, 0);
        this.permits = new Semaphore(spec.concurrency(), true);
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon()
                .name("remote-" + spec.name() + "-" + n.incrementAndGet()).unstarted(r));
    }

    /** Probes the server ({@link ServerProbe}) and opens its model. */
    public static RemoteEngine connect(ServerSpec spec) {
        RemoteHttp http = new RemoteHttp(spec);
        return new RemoteEngine(http, ServerProbe.probe(http));
    }

    static RemoteEngine connect(RemoteHttp http) {
        return new RemoteEngine(http, ServerProbe.probe(http));
    }

    /** What the server said about itself when it was connected. */
    public ServerInfo server() {
        return server;
    }

    public ServerSpec spec() {
        return spec;
    }

    /** Generation requests sent so far. */
    public long requests() {
        return requests.get();
    }

    // ---- LanguageModel ----------------------------------------------------------------------

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Tokenizer tokenizer() {
        return vocab;
    }

    @Override
    public ChatFormat chat() {
        return chat;
    }

    @Override
    public Sequence prefill(int[] tokens) {
        checkOpen();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a prompt needs at least one token");
        }
        Seq s = new Seq(ids.incrementAndGet(), tokens.clone());
        s.startNanos = System.nanoTime();
        if (server.endpoint() == Endpoint.CHAT) {
            s.prompt = renderings.get(s.text());
            if (s.prompt == null) {
                throw unsupported("can only send conversations rendered by its own chat format");
            }
            s.promptLength = s.length;
        }
        return s;
    }

    @Override
    public Sequence fork(Sequence parent) {
        Seq p = own(parent);
        Seq c = new Seq(ids.incrementAndGet(), Arrays.copyOf(p.ids, p.length));
        c.startNanos = p.startNanos;
        c.prompt = p.prompt;
        c.promptLength = p.promptLength;
        c.inReasoning = p.inReasoning;
        c.sawReasoning = p.sawReasoning;
        return c;
    }

    @Override
    public void append(Sequence sequence, int[] tokens) {
        Seq s = own(sequence);
        s.detach();
        s.add(tokens);
    }

    @Override
    public void truncate(Sequence sequence, int length) {
        Seq s = own(sequence);
        if (length < 1 || length > s.length) {
            throw new IllegalArgumentException("cannot truncate a sequence of " + s.length + " tokens to " + length);
        }
        s.detach();
        s.length = length;
        s.pending.clear();
    }

    @Override
    public List<TokenStep> step(List<StepRequest> requests) {
        checkOpen();
        if (requests.isEmpty()) {
            return List.of();
        }
        long t0 = System.nanoTime();
        List<Seq> seqs = new ArrayList<>(requests.size());
        for (StepRequest r : requests) {
            Seq s = own(r.sequence());
            if (seqs.contains(s)) {
                throw new IllegalArgumentException("sequence " + s.id + " appears twice in one step");
            }
            seqs.add(s);
        }
        try {
            startStreams(seqs, requests);
            TokenStep[] out = new TokenStep[seqs.size()];
            for (int i = 0; i < seqs.size(); i++) {
                out[i] = next(seqs.get(i), requests.get(i));
            }
            steps++;
            return List.of(out);
        } catch (CancellationException e) {
            seqs.forEach(Seq::detach);
            throw e;
        } finally {
            decodeNanos += System.nanoTime() - t0;
        }
    }

    @Override
    public void release(Sequence sequence) {
        Seq s = own(sequence);
        s.detach();
        s.released = true;
    }

    @Override
    public Counters counters() {
        return new Counters(0, decodedTokens, steps, 0, decodeNanos, 0);
    }

    @Override
    public void resetCounters() {
        decodedTokens = 0;
        steps = 0;
        decodeNanos = 0;
    }

    /** Stops the step running now (within a tenth of a second) and ends its requests. */
    @Override
    public void cancel() {
        cancel.set(true);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Stream s : open) {
            s.abort();
        }
        readers.shutdownNow();
    }

    // ---- streams ----------------------------------------------------------------------------

    /** Opens a stream for every sequence that has none fit for its request. */
    private void startStreams(List<Seq> seqs, List<StepRequest> requests) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < seqs.size(); i++) {
            Seq s = seqs.get(i);
            StepRequest r = requests.get(i);
            if (!s.pending.isEmpty()) {
                continue;
            }
            if (s.stream != null && (!s.streamParams.equals(r.sampling()) || s.streamTopK != r.topK())) {
                s.detach();
            }
            if (s.stream == null) {
                checkRequestable(s, r.sampling());
                List<Object> key = server.kind().multipleSamples()
                        ? List.of(s.text(), r.sampling().withSeed(0), r.topK(), s.chunk)
                        : List.of(i);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : groups.values()) {
            Seq first = seqs.get(group.getFirst());
            StepRequest r = requests.get(group.getFirst());
            Stream stream = new Stream(body(first, r, group.size()), group.size(), first.length);
            for (int c = 0; c < group.size(); c++) {
                Seq s = seqs.get(group.get(c));
                StepRequest own = requests.get(group.get(c));
                s.stream = stream;
                s.choice = c;
                s.streamParams = own.sampling();
                s.streamTopK = own.topK();
                s.streamStart = s.length;
            }
            stream.start();
        }
    }

    /** The next token of one sequence from its stream (continuing it when a chunk ends). */
    private TokenStep next(Seq s, StepRequest r) {
        while (true) {
            if (!s.pending.isEmpty()) {
                return accept(s, s.pending.poll(), r.topK());
            }
            Object item = take(s);
            switch (item) {
                case Chunks.Piece p -> {
                    if (server.endpoint() == Endpoint.CHAT) {
                        s.pending.addAll(shapeChat(s, p));
                        continue;
                    }
                    return accept(s, p, r.topK());
                }
                case Finish f -> {
                    int produced = s.length - s.streamStart;
                    s.detach();
                    if (f.reason().equals("length") && server.endpoint().continuesPrefixes()) {
                        if (produced == 0) {
                            throw new RemoteException(RemoteException.Kind.REFUSED, spec.name()
                                    + " stopped without a token (its context of " + server.context() + " tokens is full?)");
                        }
                        s.chunk = Math.min(spec.maxChunk(), s.chunk * 4);
                        startStreams(List.of(s), List.of(r));
                        continue;
                    }
                    if (server.endpoint() == Endpoint.CHAT && s.inReasoning) {
                        s.pending.addAll(closeReasoning(s, ""));
                    }
                    if (!s.pending.isEmpty()) {
                        s.pending.add(END_PIECE);
                        continue;
                    }
                    return accept(s, END_PIECE, r.topK());
                }
                case Failure f -> {
                    s.detach();
                    throw f.error();
                }
                default -> throw new IllegalStateException("unexpected " + item);
            }
        }
    }

    private static final Chunks.Piece END_PIECE = new Chunks.Piece(0, "", Double.NaN, List.of(), false);

    /** Appends a piece to its sequence as a token step. */
    private TokenStep accept(Seq s, Chunks.Piece p, int topK) {
        boolean end = p == END_PIECE;
        int id = end ? PieceVocabulary.END : vocab.intern(p.text());
        List<TopToken> top = new ArrayList<>(Math.min(topK, p.alternatives().size()));
        for (int i = 0; i < p.alternatives().size() && i < topK; i++) {
            Chunks.Alt a = p.alternatives().get(i);
            top.add(new TopToken(vocab.intern(a.text()), a.text(), a.logprob()));
        }
        List<TopToken> all = new ArrayList<>(p.alternatives().size());
        for (Chunks.Alt a : p.alternatives()) {
            all.add(new TopToken(-1, a.text(), a.logprob()));
        }
        double entropy = Token.entropyFromTopK(all);
        s.add(new int[] {id});
        decodedTokens++;
        Token token = new Token(id, p.text(), p.logprob(), top, entropy, System.nanoTime() - s.startNanos);
        return new TokenStep(s, token, end);
    }

    /** Waits for the next item of a sequence's stream, watching for cancellation and silence. */
    private Object take(Seq s) {
        Stream st = s.stream;
        BlockingQueue<Object> q = st.queues[s.choice];
        while (true) {
            if (cancel.getAndSet(false)) {
                throw new CancellationException("cancelled");
            }
            Object item;
            try {
                item = q.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            if (item != null) {
                return item;
            }
            long silent = st.silentNanos();
            if (silent > spec.readTimeout().toNanos()) {
                st.abort();
                throw new RemoteException(RemoteException.Kind.TIMEOUT, spec.name() + " sent nothing for "
                        + spec.readTimeout().toSeconds() + " s in the middle of a reply");
            }
        }
    }

    private void checkRequestable(Seq s, SamplingParams p) {
        if (server.endpoint() == Endpoint.CHAT && s.length != s.promptLength) {
            throw unsupported("cannot continue a partial reply (it has chat completions only): forks, interventions and "
                    + "step-wise strategies need a server with raw completions");
        }
        if (!p.logitBias().isEmpty() && tokenIds == null) {
            throw unsupported("does not apply per-token logit biases (" + (server.endpoint() == Endpoint.CHAT
                    ? "chat completions only" : server.kind().key() + (server.kind().logitBias() ? " without /tokenize" : ""))
                    + ")");
        }
    }

    private RemoteException unsupported(String what) {
        return new RemoteException(RemoteException.Kind.UNSUPPORTED, spec.name() + " (" + server.kind().key() + ") " + what);
    }

    /** The request body that continues {@code s} with {@code n} samples. */
    private Map<String, Object> body(Seq s, StepRequest r, int n) {
        SamplingParams p = r.sampling();
        int topLogprobs = Math.min(MAX_TOP_LOGPROBS, Math.max(MIN_TOP_LOGPROBS, r.topK()));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("model", server.model());
        ServerKind kind = server.kind();
        boolean extras = kind == ServerKind.VLLM || kind == ServerKind.SGLANG || kind == ServerKind.LLAMA_SERVER
                || kind == ServerKind.LM_STUDIO;
        int seed = (int) (p.seed() ^ (p.seed() >>> 32)) & 0x7fffffff;
        switch (server.endpoint()) {
            case OLLAMA_GENERATE -> {
                b.put("prompt", s.text());
                b.put("raw", true);
                b.put("stream", true);
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("num_predict", s.chunk);
                o.put("temperature", p.temperature());
                o.put("top_p", p.topP());
                if (p.topK() > 0) {
                    o.put("top_k", p.topK());
                }
                if (p.minP() > 0) {
                    o.put("min_p", p.minP());
                }
                if (p.repetitionPenalty() != 1) {
                    o.put("repeat_penalty", p.repetitionPenalty());
                }
                o.put("seed", seed);
                b.put("options", o);
                if (server.logprobs()) {
                    b.put("logprobs", true);
                    b.put("top_logprobs", topLogprobs);
                }
                return b;
            }
            case CHAT -> {
                List<Map<String, String>> messages = new ArrayList<>();
                for (ChatMessage m : s.prompt.messages()) {
                    messages.add(Map.of("role", m.role(), "content", m.content()));
                }
                b.put("messages", messages);
                if (server.logprobs()) {
                    b.put("logprobs", true);
                    b.put("top_logprobs", topLogprobs);
                }
                if (!s.prompt.thinking() && extras) {
                    b.put("chat_template_kwargs", Map.of("enable_thinking", false));
                }
            }
            default -> {
                b.put("prompt", s.text());
                b.put("max_tokens", s.chunk);
                if (server.logprobs()) {
                    b.put("logprobs", topLogprobs);
                    if (kind == ServerKind.LLAMA_SERVER) {
                        b.put("n_probs", topLogprobs);
                    }
                }
            }
        }
        b.put("stream", true);
        b.put("temperature", p.temperature());
        b.put("top_p", p.topP());
        b.put("seed", seed);
        if (n > 1) {
            b.put("n", n);
        }
        if (extras) {
            if (p.topK() > 0) {
                b.put("top_k", p.topK());
            }
            if (p.minP() > 0) {
                b.put("min_p", p.minP());
            }
            if (p.repetitionPenalty() != 1) {
                b.put(kind == ServerKind.LLAMA_SERVER ? "repeat_penalty" : "repetition_penalty", p.repetitionPenalty());
            }
        }
        if (kind == ServerKind.VLLM || kind == ServerKind.SGLANG) {
            b.put("stream_options", Map.of("include_usage", true));
        }
        if (!p.logitBias().isEmpty()) {
            b.put("logit_bias", serverBias(p.logitBias()));
        }
        return b;
    }

    /**
     * Local ids to the server's: a finite bias goes to the first server token of the piece (the
     * thought-switch penalty's rule), a suppression only to a piece that is one server token.
     * OpenAI's range is [-100, 100]; -100 bans a token.
     */
    private Map<String, Float> serverBias(Map<Integer, Float> bias) {
        Map<String, Float> out = new HashMap<>();
        for (Map.Entry<Integer, Float> e : bias.entrySet()) {
            String piece = vocab.piece(e.getKey());
            int[] serverIds = tokenIds.of(piece);
            if (serverIds.length == 0) {
                continue;
            }
            float b = e.getValue();
            if (Float.isInfinite(b) && b < 0 && serverIds.length != 1) {
                throw unsupported("cannot suppress '" + piece + "': it is " + serverIds.length + " tokens there");
            }
            float clamped = Math.max(-100f, Math.min(100f, b));
            out.merge(String.valueOf(serverIds[0]), clamped, (x, y) -> Math.max(-100f, Math.min(100f, x + y)));
        }
        return out;
    }

    // ---- chat replies as raw text -----------------------------------------------------------

    /**
     * A chat reply's thinking comes apart from its content; as raw text it is the thinking in
     * think tags followed by the answer, the shape every strategy reads.
     */
    private List<Chunks.Piece> shapeChat(Seq s, Chunks.Piece p) {
        List<Chunks.Piece> out = new ArrayList<>();
        String open = chat.thinkOpen();
        if (p.reasoning()) {
            if (!s.inReasoning) {
                s.inReasoning = true;
                s.sawReasoning = true;
                if (!chat.endsInsideThinking(s.promptText())) {
                    out.add(synthetic(open));
                    out.add(synthetic("\n"));
                }
            }
            out.add(p);
            return out;
        }
        if (s.inReasoning) {
            out.addAll(closeReasoning(s, p.text()));
        }
        out.add(p);
        return out;
    }

    private List<Chunks.Piece> closeReasoning(Seq s, String following) {
        s.inReasoning = false;
        List<Chunks.Piece> out = new ArrayList<>();
        String text = s.text();
        if (!text.endsWith("\n")) {
            out.add(synthetic("\n"));
        }
        out.add(synthetic(chat.thinkClose()));
        if (!following.startsWith("\n")) {
            out.add(synthetic("\n\n"));
        }
        return out;
    }

    private static Chunks.Piece synthetic(String text) {
        return new Chunks.Piece(0, text, Double.NaN, List.of(), false);
    }

    /** The chat format of a chat-only server: renders as the model would and remembers the conversation. */
    private final class RememberingFormat implements ChatFormat {
        private final ChatFormat inner;

        RememberingFormat(ChatFormat inner) {
            this.inner = inner;
        }

        @Override
        public String render(List<ChatMessage> messages, boolean addGenerationPrompt, boolean thinking) {
            String text = inner.render(messages, addGenerationPrompt, thinking);
            renderings.put(text, new Rendered(List.copyOf(messages), thinking));
            return text;
        }

        @Override
        public String thinkOpen() {
            return inner.thinkOpen();
        }

        @Override
        public String thinkClose() {
            return inner.thinkClose();
        }

        @Override
        public boolean canDisableThinking() {
            return true; // the server's template decides; chat_template_kwargs carries the switch
        }
    }

    // ---- internals --------------------------------------------------------------------------

    private Seq own(Sequence s) {
        checkOpen();
        if (!(s instanceof Seq q) || q.engine() != this) {
            throw new IllegalArgumentException("the sequence belongs to another model");
        }
        if (q.released) {
            throw new IllegalStateException("sequence " + q.id + " was released");
        }
        return q;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }

    /** One streaming request, feeding the queues of its {@code n} choices from a reader thread. */
    private final class Stream implements Runnable {
        final Map<String, Object> body;
        final int n;
        final BlockingQueue<Object>[] queues;
        final boolean[] detached;
        final int startLength;
        /** Set when the stream is given up (nobody reads it any more, or the engine closes). */
        volatile boolean closed;
        volatile long lastActivity;
        volatile boolean started;
        /** Set when the reader is done with the response (what it read stays queued). */
        volatile boolean finished;
        private volatile InputStream in;
        private Future<?> future;

        @SuppressWarnings("unchecked")
        Stream(Map<String, Object> body, int n, int startLength) {
            this.body = body;
            this.n = n;
            this.startLength = startLength;
            this.queues = new BlockingQueue[n];
            for (int i = 0; i < n; i++) {
                queues[i] = new LinkedBlockingQueue<>();
            }
            this.detached = new boolean[n];
        }

        void start() {
            open.add(this);
            future = readers.submit(this);
        }

        /** Nanoseconds since the server last sent something, 0 while the request waits for its turn. */
        long silentNanos() {
            return started && !closed && !finished ? System.nanoTime() - lastActivity : 0;
        }

        synchronized void detach(int choice) {
            detached[choice] = true;
            for (boolean d : detached) {
                if (!d) {
                    return;
                }
            }
            abort();
        }

        void abort() {
            if (closed) {
                return;
            }
            closed = true;
            open.remove(this);
            InputStream i = in;
            if (i != null) {
                try {
                    i.close();
                } catch (IOException ignored) {
                    // it is going away
                }
            }
            if (future != null) {
                future.cancel(true);
            }
        }

        @Override
        public void run() {
            boolean acquired = false;
            int produced = 0;
            boolean[] ended = new boolean[n];
            try {
                while (!closed && !(acquired = permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS))) {
                    // waits for its turn
                }
                if (closed) {
                    return;
                }
                lastActivity = System.nanoTime();
                started = true;
                requests.incrementAndGet();
                in = new BufferedInputStream(http.openStream(server.endpoint().path(), body));
                lastActivity = System.nanoTime();
                if (closed) {
                    in.close();
                    return;
                }
                EventReader reader = new EventReader(in, server.endpoint() == Endpoint.OLLAMA_GENERATE);
                EventReader.Event e;
                boolean done = false;
                while (!done && (e = reader.next()) != null) {
                    lastActivity = System.nanoTime();
                    if (e.done()) {
                        done = true;
                        break;
                    }
                    JsonNode json;
                    try {
                        json = RemoteHttp.JSON.readTree(e.data());
                    } catch (IOException bad) {
                        if (e.error()) {
                            failAll(new RemoteException(RemoteException.Kind.REFUSED, spec.name() + " failed: " + e.data()));
                            return;
                        }
                        throw new RemoteException(RemoteException.Kind.PROTOCOL, spec.name() + " sent an event that is not JSON: "
                                + RemoteHttp.abbreviate(e.data()));
                    }
                    Chunks.Parsed parsed = Chunks.parse(json, server.endpoint());
                    if (parsed.error() != null || e.error()) {
                        failAll(new RemoteException(RemoteException.Kind.REFUSED, spec.name() + " failed in the middle of a reply: "
                                + (parsed.error() != null ? parsed.error() : e.data()), 0, null));
                        return;
                    }
                    for (Chunks.Piece p : parsed.pieces()) {
                        if (p.choice() >= 0 && p.choice() < n) {
                            queues[p.choice()].add(p);
                            produced++;
                        }
                    }
                    for (Map.Entry<Integer, String> f : parsed.finish().entrySet()) {
                        int c = f.getKey();
                        if (c >= 0 && c < n && !ended[c]) {
                            ended[c] = true;
                            queues[c].add(new Finish(f.getValue()));
                        }
                    }
                    if (server.endpoint() == Endpoint.OLLAMA_GENERATE && json.path("done").asBoolean(false)) {
                        done = true;
                    }
                }
                for (int c = 0; c < n; c++) {
                    if (!ended[c]) {
                        if (done) {
                            queues[c].add(new Finish("stop"));
                        } else {
                            queues[c].add(new Failure(new RemoteException(RemoteException.Kind.CUT, spec.name()
                                    + " closed the stream in the middle of a reply (after " + produced + " tokens)")));
                        }
                    }
                }
            } catch (RemoteException e) {
                if (!closed) {
                    failAll(e);
                }
            } catch (IOException e) {
                if (!closed) {
                    failAll(new RemoteException(RemoteException.Kind.CUT, "the connection to " + spec.name()
                            + " broke in the middle of a reply (after " + produced + " tokens): " + e.getMessage(), 0, e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) {
                    failAll(new RemoteException(RemoteException.Kind.PROTOCOL, spec.name() + ": " + e, 0, e));
                }
            } finally {
                if (acquired) {
                    permits.release();
                }
                finished = true;
                open.remove(this);
                InputStream i = in;
                if (i != null) {
                    try {
                        i.close();
                    } catch (IOException ignored) {
                        // done with it
                    }
                }
            }
        }

        private void failAll(RemoteException e) {
            for (BlockingQueue<Object> q : queues) {
                q.add(new Failure(e));
            }
        }
    }

    /** A sequence: its pieces' ids, and the stream that continues it. */
    private final class Seq implements Sequence {
        final int id;
        int[] ids;
        int length;
        boolean released;
        long startNanos;
        Stream stream;
        int choice;
        SamplingParams streamParams;
        int streamTopK;
        int streamStart;
        int chunk = FIRST_CHUNK;
        final Deque<Chunks.Piece> pending = new ArrayDeque<>();
        Rendered prompt;
        int promptLength;
        boolean inReasoning;
        boolean sawReasoning;

        Seq(int id, int[] initial) {
            this.id = id;
            this.ids = Arrays.copyOf(initial, Math.max(16, initial.length * 2));
            this.length = initial.length;
        }

        RemoteEngine engine() {
            return RemoteEngine.this;
        }

        void add(int[] more) {
            if (length + more.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, length + more.length));
            }
            System.arraycopy(more, 0, ids, length, more.length);
            length += more.length;
        }

        String text() {
            return vocab.detokenize(Arrays.copyOf(ids, length));
        }

        String promptText() {
            return vocab.detokenize(Arrays.copyOf(ids, promptLength));
        }

        /** Lets go of the stream; it ends once no sequence reads it. */
        void detach() {
            if (stream != null) {
                stream.detach(choice);
                stream = null;
            }
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public int[] tokens() {
            return Arrays.copyOf(ids, length);
        }

        @Override
        public String toString() {
            return "RemoteSeq[" + id + ", " + length + " pieces" + (stream != null ? ", streaming" : "") + "]";
        }
    }

    @Override
    public String toString() {
        return "RemoteEngine[" + spec.name() + " " + server.kind().key() + " " + server.model() + "]";
    }

    static boolean sameText(String a, String b) {
        return Objects.equals(a, b);
    }
}
