package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Random-weight GGUF models in real shapes that llama.cpp loads and runs: for tests (tiny, a few hundred kB) and
 * benchmarks (the shapes of DeepSeek-R1-Distill-Qwen-1.5B, about 1 GB). Random weights cost the same to run as
 * trained ones. The same spec and seed always give the same bytes.
 *
 * <p>From a shell: {@code java -cp runtime/target/classes io.thoughtscope.runtime.gguf.RandomModels
 * r1-distill-1.5b /tmp/r1-shape.gguf [seed]} (presets: tiny-llama, tiny-qwen2, tiny-qwen3, r1-distill-1.5b).
 */
public final class RandomModels {
    /** Standard deviation of the random weights, about that of trained models of this size. */
    private static final float WEIGHT_DEVIATION = 0.02f;

    private RandomModels() {
    }

    /**
     * A tiny model: 2 blocks, embedding 64, 4 heads, 2 KV heads, feed-forward 128, the core vocabulary, Q8_0
     * matrices and a tied output. {@code qwen3} gets a head dimension of 32 (wider than embedding / heads), as
     * real Qwen3 models do.
     */
    public static RandomModelSpec tiny(String architecture, long seed) {
        int headDimension = architecture.equals("qwen3") ? 32 : 16;
        int core = ByteLevelVocabulary.coreSize();
        return new RandomModelSpec(architecture, "tiny random " + architecture, core, core + 5, 2048, 64, 2, 128, 4,
                2, headDimension, architecture.equals("llama") ? 10_000f : 1_000_000f, 1e-6f, GgmlType.Q8_0,
                GgmlType.Q8_0, null, seed);
    }

    /**
     * The shapes of DeepSeek-R1-Distill-Qwen-1.5B: qwen2, vocabulary 151936 (specials at 151643 as in Qwen's),
     * 28 blocks, embedding 1536, feed-forward 8960, 12 heads, 2 KV heads, context 131072. Types as llama.cpp's
     * Q4_0 quantization leaves them: Q4_0 matrices and token embedding, Q6_K output, F32 norms and biases.
     */
    public static RandomModelSpec r1Distill1_5bShape(long seed) {
        return new RandomModelSpec("qwen2", "DeepSeek-R1-Distill-Qwen-1.5B shape, random weights", 151_643, 151_936,
                131_072, 1536, 28, 8960, 12, 2, 128, 10_000f, 1e-6f, GgmlType.Q4_0, GgmlType.Q4_0, GgmlType.Q6_K,
                seed);
    }

    /** Writes the model and returns the file size. */
    public static long write(RandomModelSpec spec, Path path) throws IOException {
        return writer(spec).write(path);
    }

    /** A writer holding the model's metadata and tensors, for callers that want to add to it. */
    public static GgufWriter writer(RandomModelSpec spec) {
        GgufWriter writer = new GgufWriter();
        String arch = spec.architecture();
        writer.putString("general.architecture", arch);
        writer.putString("general.name", spec.name());
        writer.putUInt32("general.file_type", LlamaFileType.codeFor(spec.weightType()));
        writer.putUInt32("general.quantization_version", 2);
        writer.putUInt32(arch + ".vocab_size", spec.vocabularySize());
        writer.putUInt32(arch + ".context_length", spec.contextLength());
        writer.putUInt32(arch + ".embedding_length", spec.embeddingLength());
        writer.putUInt32(arch + ".block_count", spec.blockCount());
        writer.putUInt32(arch + ".feed_forward_length", spec.feedForwardLength());
        writer.putUInt32(arch + ".attention.head_count", spec.headCount());
        writer.putUInt32(arch + ".attention.head_count_kv", spec.headCountKv());
        writer.putUInt32(arch + ".attention.key_length", spec.headDimension());
        writer.putUInt32(arch + ".attention.value_length", spec.headDimension());
        writer.putUInt32(arch + ".rope.dimension_count", spec.headDimension());
        writer.putFloat32(arch + ".rope.freq_base", spec.ropeFreqBase());
        writer.putFloat32(arch + ".attention.layer_norm_rms_epsilon", spec.rmsNormEpsilon());
        addTokenizer(writer, ByteLevelVocabulary.build(spec.regularTokens(), spec.vocabularySize()));
        addTensors(writer, spec);
        return writer;
    }

    private static void addTokenizer(GgufWriter writer, ByteLevelVocabulary vocabulary) {
        var specials = vocabulary.specials();
        writer.putString("tokenizer.ggml.model", "gpt2");
        writer.putString("tokenizer.ggml.pre", "qwen2");
        writer.put("tokenizer.ggml.tokens", GgufArray.ofStrings(vocabulary.tokens()));
        writer.put("tokenizer.ggml.token_type", GgufArray.ofInt32(vocabulary.types()));
        writer.put("tokenizer.ggml.merges", GgufArray.ofStrings(vocabulary.merges()));
        writer.putUInt32("tokenizer.ggml.bos_token_id", specials.endOfText());
        writer.putUInt32("tokenizer.ggml.eos_token_id", specials.imEnd());
        writer.putUInt32("tokenizer.ggml.eot_token_id", specials.imEnd());
        writer.putUInt32("tokenizer.ggml.padding_token_id", specials.endOfText());
        writer.putBool("tokenizer.ggml.add_bos_token", false);
        writer.putString("tokenizer.chat_template", ChatTemplates.CHATML_THINKING);
    }

    private static void addTensors(GgufWriter writer, RandomModelSpec spec) {
        long embd = spec.embeddingLength();
        long vocab = spec.vocabularySize();
        long qWidth = (long) spec.headCount() * spec.headDimension();
        long kvWidth = (long) spec.headCountKv() * spec.headDimension();
        long ff = spec.feedForwardLength();
        GgmlType w = spec.weightType();
        Tensors tensors = new Tensors(writer, spec.seed());

        tensors.random("token_embd.weight", spec.embeddingType(), embd, vocab);
        for (int block = 0; block < spec.blockCount(); block++) {
            String b = "blk." + block + ".";
            tensors.ones(b + "attn_norm.weight", embd);
            tensors.random(b + "attn_q.weight", w, embd, qWidth);
            tensors.random(b + "attn_k.weight", w, embd, kvWidth);
            tensors.random(b + "attn_v.weight", w, embd, kvWidth);
            if (spec.architecture().equals("qwen2")) {
                tensors.random(b + "attn_q.bias", GgmlType.F32, qWidth);
                tensors.random(b + "attn_k.bias", GgmlType.F32, kvWidth);
                tensors.random(b + "attn_v.bias", GgmlType.F32, kvWidth);
            }
            if (spec.architecture().equals("qwen3")) {
                tensors.ones(b + "attn_q_norm.weight", spec.headDimension());
                tensors.ones(b + "attn_k_norm.weight", spec.headDimension());
            }
            tensors.random(b + "attn_output.weight", w, qWidth, embd);
            tensors.ones(b + "ffn_norm.weight", embd);
            tensors.random(b + "ffn_gate.weight", w, embd, ff);
            tensors.random(b + "ffn_up.weight", w, embd, ff);
            tensors.random(b + "ffn_down.weight", w, ff, embd);
        }
        tensors.ones("output_norm.weight", embd);
        if (!spec.tiedOutput()) {
            tensors.random("output.weight", spec.outputType(), embd, vocab);
        }
    }

    /** Adds tensors with seeds derived from the model seed and the tensor name. */
    private record Tensors(GgufWriter writer, long seed) {
        void random(String name, GgmlType type, long... shape) {
            writer.addTensor(name, type, shape, TensorData.random(SplitMix.derive(seed, name), WEIGHT_DEVIATION));
        }

        void ones(String name, long length) {
            writer.addTensor(name, GgmlType.F32, new long[]{length}, TensorData.constant(1f));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: RandomModels <tiny-llama|tiny-qwen2|tiny-qwen3|r1-distill-1.5b> <file> [seed]");
            System.exit(2);
        }
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 1;
        RandomModelSpec spec = switch (args[0]) {
            case "r1-distill-1.5b" -> r1Distill1_5bShape(seed);
            case String preset when preset.startsWith("tiny-") -> tiny(preset.substring(5), seed);
            default -> throw new IllegalArgumentException("unknown preset " + args[0]);
        };
        long start = System.nanoTime();
        long bytes = write(spec, Path.of(args[1]));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "wrote %s: %,d bytes in %.2f s (%.0f MB/s)", args[1], bytes,
                seconds, bytes / 1e6 / seconds));
    }
}
