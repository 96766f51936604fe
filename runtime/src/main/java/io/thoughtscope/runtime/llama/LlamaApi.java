package io.thoughtscope.runtime.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The binding to llama.cpp's C API (llama.h of the pinned release) through the FFM API. One set
 * of natives is loaded per process: their libraries share names, so a second set cannot be
 * loaded beside the first.
 *
 * <p>Structs passed or returned by value are declared as arrays of 8-byte words of the exact
 * size: for structs of more than 16 bytes every supported ABI passes them in memory, so the
 * word layout is call-compatible; fields are read and written at offsets (see {@link Structs})
 * that a self-check verifies against the library's own defaults.
 */
final class LlamaApi {

    private static LlamaApi instance;

    static final Linker LINKER = Linker.nativeLinker();

    final NativeSet set;
    final String version;

    // ggml backends
    final MethodHandle ggmlBackendLoadAllFromPath;
    final MethodHandle ggmlBackendDevCount;
    final MethodHandle ggmlBackendDevGet;
    final MethodHandle ggmlBackendDevName;
    final MethodHandle ggmlBackendDevDescription;
    final MethodHandle ggmlBackendDevType;

    // llama
    final MethodHandle backendInit;
    final MethodHandle logSet;
    final MethodHandle modelDefaultParams;
    final MethodHandle modelLoadFromFile;
    final MethodHandle modelFree;
    final MethodHandle modelGetVocab;
    final MethodHandle modelNLayer;
    final MethodHandle modelNCtxTrain;
    final MethodHandle modelNParams;
    final MethodHandle modelSize;
    final MethodHandle modelDesc;
    final MethodHandle modelChatTemplate;
    final MethodHandle vocabNTokens;
    final MethodHandle vocabIsEog;
    final MethodHandle vocabGetAddBos;
    final MethodHandle vocabBos;
    final MethodHandle vocabEos;
    final MethodHandle tokenize;
    final MethodHandle tokenToPiece;
    final MethodHandle detokenize;
    final MethodHandle contextDefaultParams;
    final MethodHandle initFromModel;
    final MethodHandle free;
    final MethodHandle nCtx;
    final MethodHandle nSeqMax;
    final MethodHandle getMemory;
    final MethodHandle memoryClear;
    final MethodHandle memorySeqRm;
    final MethodHandle memorySeqCp;
    final MethodHandle memorySeqPosMax;
    final MethodHandle decode;
    final MethodHandle getLogitsIth;
    final MethodHandle setNThreads;
    final MethodHandle supportsGpuOffload;
    final MethodHandle maxParallelSequences;

    /** Upcall stubs, kept for the life of the process. */
    final MemorySegment logCallback;
    final MemorySegment abortCallback;
    final MemorySegment progressCallback;

    private LlamaApi(NativeSet set) {
        this.set = set;
        Arena global = Arena.global();
        Path dir = set.directory();
        SymbolLookup base = load(dir, "ggml-base", global);
        SymbolLookup ggml = load(dir, "ggml", global);
        SymbolLookup llama = load(dir, "llama", global);
        SymbolLookup all = llama.or(ggml).or(base);

        ggmlBackendLoadAllFromPath = fn(all, "ggml_backend_load_all_from_path", FunctionDescriptor.ofVoid(ADDRESS));
        ggmlBackendDevCount = fn(all, "ggml_backend_dev_count", FunctionDescriptor.of(JAVA_LONG));
        ggmlBackendDevGet = fn(all, "ggml_backend_dev_get", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
        ggmlBackendDevName = fn(all, "ggml_backend_dev_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
        ggmlBackendDevDescription = fn(all, "ggml_backend_dev_description", FunctionDescriptor.of(ADDRESS, ADDRESS));
        ggmlBackendDevType = fn(all, "ggml_backend_dev_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));

        backendInit = fn(all, "llama_backend_init", FunctionDescriptor.ofVoid());
        logSet = fn(all, "llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        modelDefaultParams = fn(all, "llama_model_default_params", FunctionDescriptor.of(Structs.MODEL_PARAMS));
        modelLoadFromFile = fn(all, "llama_model_load_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS, Structs.MODEL_PARAMS));
        modelFree = fn(all, "llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
        modelGetVocab = fn(all, "llama_model_get_vocab", FunctionDescriptor.of(ADDRESS, ADDRESS));
        modelNLayer = fn(all, "llama_model_n_layer", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        modelNCtxTrain = fn(all, "llama_model_n_ctx_train", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        modelNParams = fn(all, "llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelSize = fn(all, "llama_model_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelDesc = fn(all, "llama_model_desc", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        modelChatTemplate = fn(all, "llama_model_chat_template", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        vocabNTokens = fn(all, "llama_vocab_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabIsEog = fn(all, "llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        vocabGetAddBos = fn(all, "llama_vocab_get_add_bos", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        vocabBos = fn(all, "llama_vocab_bos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabEos = fn(all, "llama_vocab_eos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        tokenize = fn(all, "llama_tokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        tokenToPiece = fn(all, "llama_token_to_piece", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
        detokenize = fn(all, "llama_detokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        contextDefaultParams = fn(all, "llama_context_default_params", FunctionDescriptor.of(Structs.CONTEXT_PARAMS));
        initFromModel = fn(all, "llama_init_from_model", FunctionDescriptor.of(ADDRESS, ADDRESS, Structs.CONTEXT_PARAMS));
        free = fn(all, "llama_free", FunctionDescriptor.ofVoid(ADDRESS));
        nCtx = fn(all, "llama_n_ctx", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nSeqMax = fn(all, "llama_n_seq_max", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getMemory = fn(all, "llama_get_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        memoryClear = fn(all, "llama_memory_clear", FunctionDescriptor.ofVoid(ADDRESS, JAVA_BOOLEAN));
        memorySeqRm = fn(all, "llama_memory_seq_rm", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        memorySeqCp = fn(all, "llama_memory_seq_cp", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        memorySeqPosMax = fn(all, "llama_memory_seq_pos_max", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        decode = fn(all, "llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, Structs.BATCH));
        getLogitsIth = fn(all, "llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        setNThreads = fn(all, "llama_set_n_threads", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT));
        supportsGpuOffload = fn(all, "llama_supports_gpu_offload", FunctionDescriptor.of(JAVA_BOOLEAN));
        maxParallelSequences = fn(all, "llama_max_parallel_sequences", FunctionDescriptor.of(JAVA_LONG));
        MethodHandle versionFn = fn(all, "llama_version", FunctionDescriptor.of(ADDRESS));

        try {
            logCallback = LINKER.upcallStub(MethodHandles.lookup().findStatic(LlamaLog.class, "log",
                    MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), global);
            abortCallback = LINKER.upcallStub(MethodHandles.lookup().findStatic(Aborts.class, "shouldAbort",
                    MethodType.methodType(boolean.class, MemorySegment.class)),
                    FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS), global);
            progressCallback = LINKER.upcallStub(MethodHandles.lookup().findStatic(LoadProgress.class, "report",
                    MethodType.methodType(boolean.class, float.class, MemorySegment.class)),
                    FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_FLOAT, ADDRESS), global);
            logSet.invokeExact(logCallback, MemorySegment.NULL);
            backendInit.invokeExact();
            ggmlBackendLoadAllFromPath.invokeExact(global.allocateFrom(dir.toAbsolutePath().toString()));
            version = ((MemorySegment) versionFn.invokeExact()).reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw new LlamaException("llama.cpp did not start from " + dir + ": " + t.getMessage(), t);
        }
        Structs.checkDefaults(this);
    }

    /** Loads the natives once per process; asking for another set afterwards is an error. */
    static synchronized LlamaApi get(NativeSet set) {
        if (instance == null) {
            instance = new LlamaApi(set);
        } else if (!instance.set.equals(set)) {
            throw new LlamaException("llama.cpp is already running on " + instance.set.backend().key()
                    + " in this process; restart Thoughtscope to switch to " + set.backend().key() + ".");
        }
        return instance;
    }

    /** The natives loaded in this process, if any. */
    static synchronized Optional<LlamaApi> loaded() {
        return Optional.ofNullable(instance);
    }

    /** The compute devices llama.cpp sees: name, description and type (cpu, gpu, igpu, accel). */
    List<String[]> devices() {
        try {
            long n = (long) ggmlBackendDevCount.invokeExact();
            Deque<String[]> out = new ArrayDeque<>();
            for (long i = 0; i < n; i++) {
                MemorySegment dev = (MemorySegment) ggmlBackendDevGet.invokeExact(i);
                String name = ((MemorySegment) ggmlBackendDevName.invokeExact(dev)).reinterpret(512).getString(0);
                String desc = ((MemorySegment) ggmlBackendDevDescription.invokeExact(dev)).reinterpret(512).getString(0);
                int type = (int) ggmlBackendDevType.invokeExact(dev);
                out.add(new String[] {name, desc, switch (type) {
                    case 0 -> "cpu";
                    case 1 -> "gpu";
                    case 2 -> "igpu";
                    default -> "accel";
                }});
            }
            return List.copyOf(out);
        } catch (Throwable t) {
            throw new LlamaException("cannot list llama.cpp devices: " + t.getMessage(), t);
        }
    }

    private static MethodHandle fn(SymbolLookup lookup, String name, FunctionDescriptor fd) {
        MemorySegment addr = lookup.find(name).orElseThrow(() -> new LlamaException(
                "the llama.cpp library lacks " + name + ": it is not the release this build expects"));
        return LINKER.downcallHandle(addr, fd);
    }

    /** Loads lib{name}*.so / .dylib / {name}*.dll from the folder. */
    private static SymbolLookup load(Path dir, String name, Arena arena) {
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> isLibrary(f.getFileName().toString(), name)).sorted().findFirst().orElseThrow(() ->
                    new LlamaException("no " + name + " library in " + dir));
        } catch (java.io.IOException e) {
            throw new LlamaException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        try {
            return SymbolLookup.libraryLookup(file, arena);
        } catch (IllegalArgumentException e) {
            throw new LlamaException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code libllama.so}, {@code libllama.v0.5.0.so}, {@code libllama.cuda.v0.5.0.so}, {@code llama.dll}. */
    static boolean isLibrary(String file, String name) {
        String f = file.startsWith("lib") ? file.substring(3) : file;
        if (!(f.endsWith(".so") || f.endsWith(".dylib") || f.endsWith(".dll"))) {
            return false;
        }
        return f.startsWith(name + ".") && !f.startsWith(name + "-");
    }

    static StructLayout words(int bytes, String name) {
        return MemoryLayout.structLayout(MemoryLayout.sequenceLayout(bytes / 8, JAVA_LONG)).withName(name);
    }
}
