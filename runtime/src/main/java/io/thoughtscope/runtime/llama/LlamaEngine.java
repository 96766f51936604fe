package io.thoughtscope.runtime.llama;

import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.spi.Capabilities;
import io.thoughtscope.reasoning.spi.ChatFormat;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.ModelInfo;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;
import io.thoughtscope.reasoning.spi.Tokenizer;
import io.thoughtscope.runtime.gguf.GgufException;
import io.thoughtscope.runtime.gguf.GgufFile;
import io.thoughtscope.runtime.gguf.GgufReader;
import io.thoughtscope.runtime.sampling.Distribution;
import io.thoughtscope.runtime.sampling.Sampler;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A GGUF model running in-process on llama.cpp. One context holds every sequence in a unified KV
 * cache, so a fork shares its parent's cells instead of copying or recomputing them, and one
 * {@code llama_decode} call advances many sequences at once.
 *
 * <p>A sequence keeps its last token pending (not yet evaluated): a step evaluates the pending
 * tokens of every requested sequence in one batch and reads the logits of each sequence's last
 * one. Forks therefore need no logits of their own: they evaluate the shared last token in their
 * first step. Not thread-safe, except {@link #cancel()}.
 */
public final class LlamaEngine implements LanguageModel {

    private static final AtomicLong IDS = new AtomicLong(1);

    private final LlamaApi api;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment model;
    private final MemorySegment context;
    private final MemorySegment memory;
    private final LlamaTokenizer tokenizer;
    private final ChatFormat chat;
    private final ModelInfo info;
    private final int nVocab;
    private final int nCtx;
    private final int nBatch;
    private final int maxSequences;
    private final long handleId;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Deque<Integer> freeIds = new ArrayDeque<>();
    private final Batch batch;
    private boolean closed;

    private long promptTokens;
    private long decodedTokens;
    private long steps;
    private long prefillNanos;
    private long decodeNanos;
    private long sampleNanos;

    private LlamaEngine(LlamaApi api, long handleId, MemorySegment model, MemorySegment context, Path path,
                        LlamaOptions options, int[] offloaded, ChatFormatFactory chatFactory) {
        this.api = api;
        this.handleId = handleId;
        this.model = model;
        this.context = context;
        try {
            this.memory = (MemorySegment) api.getMemory.invokeExact(context);
            MemorySegment vocab = (MemorySegment) api.modelGetVocab.invokeExact(model);
            this.nVocab = (int) api.vocabNTokens.invokeExact(vocab);
            this.nCtx = (int) api.nCtx.invokeExact(context);
            int seqMax = (int) api.nSeqMax.invokeExact(context);
            this.maxSequences = Math.min(seqMax, options.maxSequences());
            this.tokenizer = new LlamaTokenizer(api, vocab, nVocab);
            int layers = (int) api.modelNLayer.invokeExact(model);
            int trainCtx = (int) api.modelNCtxTrain.invokeExact(model);
            long params = (long) api.modelNParams.invokeExact(model);
            // a GPU set with no GPU device (a Vulkan loader but no driver) computes on the CPU: say so
            boolean gpuDevice = api.devices().stream().anyMatch(d -> d[2].equals("gpu") || d[2].equals("igpu"));
            boolean onGpu = api.set.backend() != Backend.CPU && gpuDevice && offloaded != null && offloaded[0] > 0;
            this.info = new ModelInfo(displayName(path), path.toString(), ModelDescription.architecture(api, model),
                    params, ModelDescription.quantization(api, model), trainCtx, nCtx,
                    onGpu || api.set.backend() == Backend.METAL ? api.set.backend().key() : Backend.CPU.key(),
                    onGpu ? offloaded[1] : layers, onGpu ? offloaded[0] : 0);
        } catch (Throwable t) {
            throw new LlamaException("cannot read the model's properties: " + t.getMessage(), t);
        }
        this.nBatch = options.batch();
        for (int i = 0; i < maxSequences; i++) {
            freeIds.add(i);
        }
        this.batch = new Batch(arena, nBatch);
        this.chat = chatFactory.create(this);
    }

    /** Creates the chat format once the engine exists (templates need its tokenizer and metadata). */
    @FunctionalInterface
    public interface ChatFormatFactory {
        ChatFormat create(LlamaEngine engine);
    }

    /**
     * Opens a GGUF model. The file is validated in Java first (header, metadata, tensor table, an
     * architecture the bundled llama.cpp supports), so a damaged or foreign file is a clear error
     * and never reaches native code.
     *
     * @param progress receives loading progress from 0 to 1 (on a native thread); returning false
     *                 cancels the load; may be null
     */
    public static LlamaEngine open(Path path, LlamaOptions options, java.util.function.DoublePredicate progress,
                                   ChatFormatFactory chatFactory) {
        validate(path);
        NativeSet set = NativeLocator.choose(NativeLocator.root(), options.backend());
        LlamaApi api = LlamaApi.get(set);
        long id = IDS.getAndIncrement();
        long mark = LlamaLog.mark();
        AtomicBoolean cancelled = new AtomicBoolean();
        LoadProgress.register(id, f -> {
            boolean go = progress == null || progress.test(f);
            if (!go) {
                cancelled.set(true);
            }
            return go;
        });
        MemorySegment model;
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment mp = Structs.modelDefaults(api, tmp);
            mp.set(JAVA_INT, Structs.MP_N_GPU_LAYERS, set.backend() == Backend.CPU ? 0 : options.gpuLayers());
            mp.set(ADDRESS, Structs.MP_PROGRESS_CALLBACK, api.progressCallback);
            mp.set(ADDRESS, Structs.MP_PROGRESS_USER_DATA, MemorySegment.ofAddress(id));
            model = (MemorySegment) api.modelLoadFromFile.invokeExact(tmp.allocateFrom(path.toAbsolutePath().toString()), mp);
        } catch (Throwable t) {
            throw new LlamaException("llama.cpp failed to load " + path + ": " + t.getMessage(), t);
        } finally {
            LoadProgress.unregister(id);
        }
        if (model.equals(MemorySegment.NULL)) {
            if (cancelled.get()) {
                throw new CancellationException("loading " + path.getFileName() + " was cancelled");
            }
            String why = LlamaLog.problemsSince(mark);
            throw new LlamaException("llama.cpp could not load " + path.getFileName()
                    + (why.isEmpty() ? "" : ": " + why));
        }
        int[] offloaded = LlamaLog.offloadedLayersSince(mark);
        MemorySegment ctx;
        long cmark = LlamaLog.mark();
        try (Arena tmp = Arena.ofConfined()) {
            int trainCtx = (int) api.modelNCtxTrain.invokeExact(model);
            int ctxLen = options.context() > 0 ? options.context()
                    : Math.min(trainCtx > 0 ? trainCtx : LlamaOptions.DEFAULT_CONTEXT_CAP, LlamaOptions.DEFAULT_CONTEXT_CAP);
            long maxPar = (long) api.maxParallelSequences.invokeExact();
            int seqs = (int) Math.max(1, Math.min(options.maxSequences(), maxPar));
            MemorySegment cp = Structs.contextDefaults(api, tmp);
            cp.set(JAVA_INT, Structs.CP_N_CTX, ctxLen);
            cp.set(JAVA_INT, Structs.CP_N_BATCH, options.batch());
            cp.set(JAVA_INT, Structs.CP_N_UBATCH, Math.min(options.batch(), 512));
            cp.set(JAVA_INT, Structs.CP_N_SEQ_MAX, seqs);
            int threads = options.effectiveThreads();
            cp.set(JAVA_INT, Structs.CP_N_THREADS, threads);
            cp.set(JAVA_INT, Structs.CP_N_THREADS_BATCH, threads);
            cp.set(ADDRESS, Structs.CP_ABORT_CALLBACK, api.abortCallback);
            cp.set(ADDRESS, Structs.CP_ABORT_DATA, MemorySegment.ofAddress(id));
            cp.set(JAVA_BYTE, Structs.CP_NO_PERF, (byte) 1);
            // flash attention: measured faster for batched branches on CPU (bench: 8 branches +15%);
            // -Dthoughtscope.llama.flashAttention=auto|off overrides
            cp.set(JAVA_INT, Structs.CP_FLASH_ATTN, switch (System.getProperty("thoughtscope.llama.flashAttention", "on")) {
                case "off" -> 0;
                case "auto" -> -1;
                default -> 1;
            });
            // one cache for all sequences: forks share their prefix's cells
            cp.set(JAVA_BYTE, Structs.CP_KV_UNIFIED, (byte) 1);
            ctx = (MemorySegment) api.initFromModel.invokeExact(model, cp);
        } catch (Throwable t) {
            freeModel(api, model);
            throw new LlamaException("llama.cpp failed to create a context: " + t.getMessage(), t);
        }
        if (ctx.equals(MemorySegment.NULL)) {
            freeModel(api, model);
            String why = LlamaLog.problemsSince(cmark);
            throw new LlamaException("llama.cpp could not create a context for " + path.getFileName()
                    + " (not enough memory for the context length? try a smaller --ctx)" + (why.isEmpty() ? "" : ": " + why));
        }
        LlamaEngine engine = new LlamaEngine(api, id, model, ctx, path, options, offloaded, chatFactory);
        Aborts.register(id, engine.cancel);
        return engine;
    }

    /** Checks a model file without loading it; the exception's message says what is wrong. */
    public static GgufFile validate(Path path) {
        if (!Files.exists(path)) {
            throw new LlamaException("no model file at " + path);
        }
        if (Files.isDirectory(path)) {
            throw new LlamaException(path + " is a folder; give the .gguf file in it");
        }
        try {
            return GgufReader.read(path);
        } catch (GgufException e) {
            throw new LlamaException(path.getFileName() + " cannot be used: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new LlamaException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void freeModel(LlamaApi api, MemorySegment model) {
        try {
            api.modelFree.invokeExact(model);
        } catch (Throwable ignored) {
            // nothing more can be done
        }
    }

    private static String displayName(Path path) {
        String f = path.getFileName().toString();
        return f.endsWith(".gguf") ? f.substring(0, f.length() - 5) : f;
    }

    // ---- LanguageModel ----------------------------------------------------------------------

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, nVocab, true, true, maxSequences);
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public ChatFormat chat() {
        return chat;
    }

    /** The raw model handle, for the chat-template renderer and metadata reads. */
    MemorySegment modelHandle() {
        return model;
    }

    LlamaApi api() {
        return api;
    }

    /** The chat template stored in the model (its default one), or null. */
    public String chatTemplateSource() {
        try {
            MemorySegment p = (MemorySegment) api.modelChatTemplate.invokeExact(model, MemorySegment.NULL);
            return p.equals(MemorySegment.NULL) ? null : p.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            return null;
        }
    }

    /** The text of the start token ("" if none), for chat templates. */
    public String bosText() {
        return tokenizer.bosText();
    }

    /** The text of the end token ("" if none), for chat templates. */
    public String eosText() {
        return tokenizer.eosText();
    }

    /** Whether the vocabulary has {@code text} as one token. */
    public boolean isSingleToken(String text) {
        return tokenizer.hasTokenText(text);
    }

    @Override
    public Sequence prefill(int[] tokens) {
        checkOpen();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a prompt needs at least one token");
        }
        if (tokens.length >= nCtx) {
            throw new LlamaException("the prompt has " + tokens.length + " tokens but the context holds " + nCtx
                    + "; open the model with a longer context (--ctx)");
        }
        Seq s = newSequence();
        s.append(tokens);
        s.startNanos = System.nanoTime();
        long t0 = System.nanoTime();
        try {
            // everything but the last token: that one is evaluated by the first step, with logits
            int n = tokens.length - 1;
            int done = 0;
            while (done < n) {
                throwIfCancelled();
                int chunk = Math.min(nBatch, n - done);
                batch.clear();
                for (int i = 0; i < chunk; i++) {
                    batch.add(tokens[done + i], done + i, s.id, false);
                }
                runDecode(List.of(s));
                done += chunk;
                s.evaluated = done;
                promptTokens += chunk;
            }
        } catch (RuntimeException e) {
            release(s);
            throw e;
        } finally {
            prefillNanos += System.nanoTime() - t0;
        }
        return s;
    }

    @Override
    public Sequence fork(Sequence parent) {
        Seq p = own(parent);
        Seq c = newSequence();
        try {
            if (p.evaluated > 0) {
                api.memorySeqCp.invokeExact(memory, p.id, c.id, -1, -1);
            }
        } catch (Throwable t) {
            release(c);
            throw new LlamaException("cannot fork sequence " + p.id + ": " + t.getMessage(), t);
        }
        c.append(Arrays.copyOf(p.tokens, p.length));
        c.evaluated = p.evaluated;
        c.utf8 = p.utf8.copy();
        c.startNanos = p.startNanos;
        return c;
    }

    @Override
    public void append(Sequence sequence, int[] tokens) {
        Seq s = own(sequence);
        if (s.length + tokens.length >= nCtx) {
            throw contextFull(s.length + tokens.length);
        }
        s.append(tokens);
    }

    @Override
    public void truncate(Sequence sequence, int length) {
        Seq s = own(sequence);
        if (length < 1 || length > s.length) {
            throw new IllegalArgumentException("cannot truncate a sequence of " + s.length + " tokens to " + length);
        }
        s.length = length;
        if (s.evaluated > length - 1) {
            // the new last token becomes pending again
            s.evaluated = length - 1;
            removeFrom(s, s.evaluated);
        }
        s.utf8 = new Utf8Stream();
    }

    @Override
    public List<TokenStep> step(List<StepRequest> requests) {
        checkOpen();
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Seq> seqs = new ArrayList<>(requests.size());
        for (StepRequest r : requests) {
            Seq s = own(r.sequence());
            if (seqs.contains(s)) {
                throw new IllegalArgumentException("sequence " + s.id + " appears twice in one step");
            }
            if (s.length >= nCtx) {
                throw contextFull(s.length + 1);
            }
            seqs.add(s);
        }
        float[][] logits = new float[seqs.size()][];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = logitBuffer(i);
        }
        long t0 = System.nanoTime();
        // fill batches in order; a sequence's last pending token asks for logits
        int[] cursor = new int[seqs.size()];
        for (int i = 0; i < seqs.size(); i++) {
            cursor[i] = seqs.get(i).evaluated;
        }
        int remaining = 0;
        for (Seq s : seqs) {
            remaining += s.length - s.evaluated;
        }
        decodedTokens += remaining;
        try {
            while (remaining > 0) {
                throwIfCancelled();
                batch.clear();
                int[] logitRow = new int[seqs.size()];
                Arrays.fill(logitRow, -1);
                for (int i = 0; i < seqs.size() && batch.size() < nBatch; i++) {
                    Seq s = seqs.get(i);
                    while (cursor[i] < s.length && batch.size() < nBatch) {
                        boolean last = cursor[i] == s.length - 1;
                        if (last) {
                            logitRow[i] = batch.size();
                        }
                        batch.add(s.tokens[cursor[i]], cursor[i], s.id, last);
                        cursor[i]++;
                        remaining--;
                    }
                }
                runDecode(seqs);
                for (int i = 0; i < seqs.size(); i++) {
                    Seq s = seqs.get(i);
                    s.evaluated = Math.max(s.evaluated, Math.min(cursor[i], s.length));
                    if (logitRow[i] >= 0) {
                        readLogits(logitRow[i], logits[i]);
                    }
                }
            }
        } finally {
            decodeNanos += System.nanoTime() - t0;
        }
        long t1 = System.nanoTime();
        TokenStep[] out = new TokenStep[seqs.size()];
        // sequences are independent here, and the cores are idle between decodes: work in parallel
        IntStream range = IntStream.range(0, seqs.size());
        (seqs.size() > 1 ? range.parallel() : range).forEach(i -> out[i] = sample(seqs.get(i), requests.get(i), logits[i]));
        steps++;
        sampleNanos += System.nanoTime() - t1;
        return List.of(out);
    }

    /** The token data and the sampled token of one sequence, from its logits. */
    private TokenStep sample(Seq s, StepRequest r, float[] raw) {
        Distribution d = new Distribution(raw, nVocab);
        List<TopToken> top = d.top(r.topK(), tokenizer::pieceText);
        double entropy = d.entropy();
        SamplingParams p = r.sampling();
        int token;
        if (p.isGreedy() && p.logitBias().isEmpty() && p.repetitionPenalty() == 1) {
            token = d.argmax();
        } else {
            // the sampler changes the logits it works on: give it a copy, the distribution stays the model's own
            token = Sampler.sample(Arrays.copyOf(raw, nVocab), nVocab, p, s.tokens, s.length);
        }
        double logprob = d.logprob(token);
        String text = s.utf8.feed(tokenizer.tokenBytes(token));
        s.append(new int[] {token});
        boolean eog = tokenizer.isEndOfGeneration(token);
        return new TokenStep(s, new Token(token, text, logprob, top, entropy, System.nanoTime() - s.startNanos), eog);
    }

    /** A reusable logits array for the i-th sequence of a step (logits are 600 KB for a 150k vocabulary). */
    private float[] logitBuffer(int i) {
        if (i >= logitBuffers.size()) {
            logitBuffers.add(new float[nVocab]);
        }
        return logitBuffers.get(i);
    }

    private final List<float[]> logitBuffers = new ArrayList<>();

    @Override
    public void release(Sequence sequence) {
        Seq s = own(sequence);
        removeFrom(s, 0);
        s.released = true;
        freeIds.add(s.id);
    }

    @Override
    public Counters counters() {
        return new Counters(promptTokens, decodedTokens, steps, prefillNanos, decodeNanos, sampleNanos);
    }

    @Override
    public void resetCounters() {
        promptTokens = 0;
        decodedTokens = 0;
        steps = 0;
        prefillNanos = 0;
        decodeNanos = 0;
        sampleNanos = 0;
    }

    /**
     * Stops the decode running now; if none runs, the next prefill or step stops before it
     * starts. Either way the interrupted call throws {@link CancellationException} and the flag
     * clears, so the call after it runs normally.
     */
    @Override
    public void cancel() {
        cancel.set(true);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Aborts.unregister(handleId);
        try {
            api.free.invokeExact(context);
            api.modelFree.invokeExact(model);
        } catch (Throwable t) {
            throw new LlamaException("closing the model failed: " + t.getMessage(), t);
        } finally {
            arena.close();
        }
    }

    /** Sequences alive now. */
    public int liveSequences() {
        return maxSequences - freeIds.size();
    }

    public int contextLength() {
        return nCtx;
    }

    // ---- internals --------------------------------------------------------------------------

    private Seq newSequence() {
        checkOpen();
        Integer id = freeIds.poll();
        if (id == null) {
            throw new LlamaException("all " + maxSequences + " sequences are in use; release some or open the model with more");
        }
        Seq s = new Seq(id);
        removeFrom(s, 0);
        return s;
    }

    private void removeFrom(Seq s, int position) {
        try {
            boolean ok = (boolean) api.memorySeqRm.invokeExact(memory, s.id, position, -1);
            if (!ok) {
                throw new LlamaException("llama.cpp refused to remove tokens from sequence " + s.id);
            }
        } catch (LlamaException e) {
            throw e;
        } catch (Throwable t) {
            throw new LlamaException("cannot edit sequence " + s.id + ": " + t.getMessage(), t);
        }
    }

    private void runDecode(List<Seq> involved) {
        int rc;
        try {
            rc = (int) api.decode.invokeExact(context, batch.struct());
        } catch (Throwable t) {
            throw new LlamaException("llama_decode failed: " + t.getMessage(), t);
        }
        if (rc == 0) {
            return;
        }
        // the batch did not complete: drop whatever part of it reached the cache
        for (Seq s : involved) {
            removeFrom(s, s.evaluated);
        }
        switch (rc) {
            case 2 -> {
                cancel.set(false);
                throw new CancellationException("cancelled");
            }
            case 1 -> throw new LlamaException("the context of " + nCtx + " tokens is full: no room for this batch "
                    + "(open the model with a longer context, or release sequences)");
            default -> throw new LlamaException("llama_decode failed with code " + rc);
        }
    }

    private void readLogits(int row, float[] into) {
        MemorySegment p;
        try {
            p = (MemorySegment) api.getLogitsIth.invokeExact(context, row);
        } catch (Throwable t) {
            throw new LlamaException("cannot read logits: " + t.getMessage(), t);
        }
        if (p.equals(MemorySegment.NULL)) {
            throw new LlamaException("llama.cpp returned no logits for batch row " + row);
        }
        MemorySegment.copy(p.reinterpret((long) nVocab * Float.BYTES), JAVA_FLOAT, 0, into, 0, nVocab);
    }

    /** Between decode calls; during one, llama.cpp polls the same flag through the abort callback. */
    private void throwIfCancelled() {
        if (cancel.getAndSet(false)) {
            throw new CancellationException("cancelled");
        }
    }

    private LlamaException contextFull(int wanted) {
        return new LlamaException("the sequence would need " + wanted + " tokens but the context holds " + nCtx
                + "; open the model with a longer context (--ctx)");
    }

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

    /** A sequence of this engine. */
    private final class Seq implements Sequence {
        final int id;
        int[] tokens = new int[64];
        int length;
        int evaluated;
        boolean released;
        long startNanos;
        Utf8Stream utf8 = new Utf8Stream();

        Seq(int id) {
            this.id = id;
        }

        LlamaEngine engine() {
            return LlamaEngine.this;
        }

        void append(int[] add) {
            if (length + add.length > tokens.length) {
                tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, length + add.length));
            }
            System.arraycopy(add, 0, tokens, length, add.length);
            length += add.length;
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
            return Arrays.copyOf(tokens, length);
        }

        @Override
        public String toString() {
            return "Seq[" + id + ", " + length + " tokens, " + evaluated + " evaluated]";
        }
    }
}
