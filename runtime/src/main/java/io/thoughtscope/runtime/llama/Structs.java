package io.thoughtscope.runtime.llama;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Sizes and field offsets of the structs of llama.h at the pinned release (node-llama-cpp
 * 3.22.1, llama.cpp "0.5.0-dev"), read from the header and confirmed against the library's own
 * default-value functions. {@link #checkDefaults} re-checks them every time the library loads,
 * so a different build fails with a clear message instead of corrupting memory.
 */
final class Structs {

    private Structs() {
    }

    // struct llama_model_params (80 bytes)
    static final StructLayout MODEL_PARAMS = LlamaApi.words(80, "llama_model_params");
    static final long MP_DEVICES = 0;
    static final long MP_N_GPU_LAYERS = 16;
    static final long MP_SPLIT_MODE = 20;
    static final long MP_LOAD_MODE = 24;
    static final long MP_TENSOR_SPLIT = 40;
    static final long MP_PROGRESS_CALLBACK = 48;
    static final long MP_PROGRESS_USER_DATA = 56;
    static final long MP_KV_OVERRIDES = 64;
    static final long MP_VOCAB_ONLY = 72;
    static final long MP_BOOLS_END = 78;

    // struct llama_context_params (160 bytes)
    static final StructLayout CONTEXT_PARAMS = LlamaApi.words(160, "llama_context_params");
    static final long CP_N_CTX = 0;
    static final long CP_N_BATCH = 4;
    static final long CP_N_UBATCH = 8;
    static final long CP_N_SEQ_MAX = 12;
    static final long CP_N_THREADS = 28;
    static final long CP_N_THREADS_BATCH = 32;
    static final long CP_FLASH_ATTN = 52;
    static final long CP_TYPE_K = 104;
    static final long CP_TYPE_V = 108;
    static final long CP_ABORT_CALLBACK = 112;
    static final long CP_ABORT_DATA = 120;
    static final long CP_EMBEDDINGS = 128;
    static final long CP_OFFLOAD_KQV = 129;
    static final long CP_NO_PERF = 130;
    static final long CP_OP_OFFLOAD = 131;
    static final long CP_SWA_FULL = 132;
    static final long CP_KV_UNIFIED = 133;
    static final long CP_SAMPLERS = 136;
    static final long CP_CTX_OTHER = 152;

    // struct llama_batch (56 bytes)
    static final StructLayout BATCH = LlamaApi.words(56, "llama_batch");
    static final long B_N_TOKENS = 0;
    static final long B_TOKEN = 8;
    static final long B_EMBD = 16;
    static final long B_POS = 24;
    static final long B_N_SEQ_ID = 32;
    static final long B_SEQ_ID = 40;
    static final long B_LOGITS = 48;

    static MemorySegment modelDefaults(LlamaApi api, SegmentAllocator alloc) {
        try {
            return (MemorySegment) api.modelDefaultParams.invokeExact(alloc);
        } catch (Throwable t) {
            throw new LlamaException("llama_model_default_params failed: " + t.getMessage(), t);
        }
    }

    static MemorySegment contextDefaults(LlamaApi api, SegmentAllocator alloc) {
        try {
            return (MemorySegment) api.contextDefaultParams.invokeExact(alloc);
        } catch (Throwable t) {
            throw new LlamaException("llama_context_default_params failed: " + t.getMessage(), t);
        }
    }

    /** Verifies the offsets above against the defaults the library itself fills in. */
    static void checkDefaults(LlamaApi api) {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment m = modelDefaults(api, arena);
            boolean modelOk = m.get(ADDRESS, MP_DEVICES).equals(MemorySegment.NULL)
                    && m.get(JAVA_INT, MP_SPLIT_MODE) >= 0 && m.get(JAVA_INT, MP_SPLIT_MODE) <= 3
                    && m.get(JAVA_INT, MP_LOAD_MODE) >= -1 && m.get(JAVA_INT, MP_LOAD_MODE) <= 4
                    && m.get(ADDRESS, MP_TENSOR_SPLIT).equals(MemorySegment.NULL)
                    && m.get(ADDRESS, MP_PROGRESS_CALLBACK).equals(MemorySegment.NULL)
                    && m.get(ADDRESS, MP_KV_OVERRIDES).equals(MemorySegment.NULL)
                    && bools(m, MP_VOCAB_ONLY, MP_BOOLS_END) && m.get(JAVA_BYTE, MP_VOCAB_ONLY) == 0;
            MemorySegment c = contextDefaults(api, arena);
            boolean contextOk = c.get(JAVA_INT, CP_N_CTX) > 0 && c.get(JAVA_INT, CP_N_BATCH) > 0
                    && c.get(JAVA_INT, CP_N_UBATCH) > 0 && c.get(JAVA_INT, CP_N_SEQ_MAX) == 1
                    && c.get(JAVA_INT, CP_N_THREADS) > 0 && c.get(JAVA_INT, CP_N_THREADS_BATCH) > 0
                    && c.get(JAVA_INT, CP_FLASH_ATTN) >= -1 && c.get(JAVA_INT, CP_FLASH_ATTN) <= 1
                    && c.get(JAVA_INT, CP_TYPE_K) == 1 && c.get(JAVA_INT, CP_TYPE_V) == 1
                    && c.get(ADDRESS, CP_ABORT_CALLBACK).equals(MemorySegment.NULL)
                    && bools(c, CP_EMBEDDINGS, CP_KV_UNIFIED + 1) && c.get(JAVA_BYTE, CP_EMBEDDINGS) == 0
                    && c.get(ADDRESS, CP_SAMPLERS).equals(MemorySegment.NULL)
                    && c.get(ADDRESS, CP_CTX_OTHER).equals(MemorySegment.NULL)
                    && !Float.isNaN(c.get(JAVA_FLOAT, 56));
            if (!modelOk || !contextOk) {
                throw new LlamaException("The llama.cpp library in " + api.set.directory() + " (version " + api.version
                        + ") does not have the parameter layout this build of Thoughtscope was made for. "
                        + "Rebuild Thoughtscope (./build package) to get the pinned natives.");
            }
        }
    }

    private static boolean bools(MemorySegment s, long from, long to) {
        for (long o = from; o < to; o++) {
            byte b = s.get(JAVA_BYTE, o);
            if (b != 0 && b != 1) {
                return false;
            }
        }
        return true;
    }
}
