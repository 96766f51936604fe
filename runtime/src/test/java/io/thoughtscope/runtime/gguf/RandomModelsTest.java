package io.thoughtscope.runtime.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Random models have the tensors and keys llama.cpp requires for their architecture, and are reproducible. */
class RandomModelsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "qwen3"})
    void aTinyModelPassesEveryCheckAndHasItsArchitecturesTensors(String architecture) throws IOException {
        Path path = dir.resolve(architecture + ".gguf");
        long size = RandomModels.write(RandomModels.tiny(architecture, 3), path);

        GgufFile file = GgufReader.read(path);

        assertThat(size).isBetween(100_000L, 400_000L);
        for (String key : List.of("context_length", "embedding_length", "block_count", "feed_forward_length",
                "attention.head_count", "attention.head_count_kv", "attention.key_length",
                "attention.value_length", "rope.freq_base", "attention.layer_norm_rms_epsilon")) {
            assertThat(file.metadata()).containsKey(architecture + "." + key);
        }
        assertThat(file.tensors()).extracting(GgufTensor::name).contains("token_embd.weight", "output_norm.weight",
                "blk.1.attn_norm.weight", "blk.1.attn_q.weight", "blk.1.attn_k.weight", "blk.1.attn_v.weight",
                "blk.1.attn_output.weight", "blk.1.ffn_norm.weight", "blk.1.ffn_gate.weight",
                "blk.1.ffn_up.weight", "blk.1.ffn_down.weight").doesNotContain("output.weight");
        assertThat(file.tensor("blk.0.attn_q.bias").isPresent()).isEqualTo(architecture.equals("qwen2"));
        assertThat(file.tensor("blk.0.attn_k_norm.weight").isPresent()).isEqualTo(architecture.equals("qwen3"));
        assertThat(file.getString("tokenizer.ggml.model")).contains("gpt2");
        assertThat(file.getString("tokenizer.ggml.pre")).contains("qwen2");
        assertThat(file.getBoolean("tokenizer.ggml.add_bos_token")).contains(false);
    }

    @Test
    void qwen3HeadsAreWiderThanEmbeddingOverHeads() throws IOException {
        Path path = dir.resolve("qwen3.gguf");
        RandomModels.write(RandomModels.tiny("qwen3", 1), path);

        GgufFile file = GgufReader.read(path);

        assertThat(file.getLong("qwen3.attention.key_length")).hasValue(32);
        assertThat(file.tensor("blk.0.attn_q.weight").orElseThrow().shape()).containsExactly(64L, 128L);
        assertThat(file.tensor("blk.0.attn_output.weight").orElseThrow().shape()).containsExactly(128L, 64L);
        assertThat(file.tensor("blk.0.attn_q_norm.weight").orElseThrow().shape()).containsExactly(32L);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherWeights() throws IOException {
        Path a = dir.resolve("a.gguf");
        Path b = dir.resolve("b.gguf");
        Path c = dir.resolve("c.gguf");
        RandomModels.write(RandomModels.tiny("qwen2", 5), a);
        RandomModels.write(RandomModels.tiny("qwen2", 5), b);
        RandomModels.write(RandomModels.tiny("qwen2", 6), c);

        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        long firstDifference = Files.mismatch(a, c);
        assertThat(firstDifference).isGreaterThanOrEqualTo(GgufReader.read(a).dataStart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"F32", "F16", "BF16", "Q8_0", "Q4_0"})
    void tinyModelsComeInEveryWritableType(String typeName) throws IOException {
        GgmlType type = GgmlType.valueOf(typeName);
        Path path = dir.resolve(typeName + ".gguf");
        RandomModels.write(RandomModels.tiny("llama", 1).withTypes(type, type, type), path);

        GgufFile file = GgufReader.read(path);

        assertThat(file.quantization()).isEqualTo(typeName);
        assertThat(file.tensor("output.weight").orElseThrow().type()).isEqualTo(type);
        float[] weights = TensorDecoder.readFloats(file, file.tensor("blk.0.ffn_up.weight").orElseThrow());
        double squares = 0;
        for (float weight : weights) {
            squares += weight * weight;
        }
        assertThat(Math.sqrt(squares / weights.length)).isCloseTo(0.02, within(0.005));
    }

    @Test
    void theR1DistillShapeIsThatOfDeepSeekR1DistillQwen1_5B() {
        RandomModelSpec spec = RandomModels.r1Distill1_5bShape(1);
        GgufWriter writer = RandomModels.writer(spec);

        assertThat(spec.architecture()).isEqualTo("qwen2");
        assertThat(spec.vocabularySize()).isEqualTo(151_936);
        assertThat(spec.blockCount()).isEqualTo(28);
        assertThat(spec.embeddingLength()).isEqualTo(1536);
        assertThat(spec.feedForwardLength()).isEqualTo(8960);
        assertThat(spec.headCount()).isEqualTo(12);
        assertThat(spec.headCountKv()).isEqualTo(2);
        // the real model has 1.78 B parameters
        assertThat(writer.parameterCount()).isEqualTo(1_777_088_000L);
        assertThat(writer.dataBytes()).isBetween(1_000_000_000L, 1_100_000_000L);
        var types = writer.tensorTypes();
        assertThat(types).containsEntry("token_embd.weight", GgmlType.Q4_0)
                .containsEntry("output.weight", GgmlType.Q6_K)
                .containsEntry("blk.27.ffn_down.weight", GgmlType.Q4_0)
                .containsEntry("blk.0.attn_q.bias", GgmlType.F32)
                .containsEntry("blk.0.attn_norm.weight", GgmlType.F32)
                .containsEntry("output_norm.weight", GgmlType.F32);
        assertThat(types).hasSize(2 + 1 + 28 * 12);
    }

    @Test
    void theR1VocabularyPutsTheSpecialTokensWhereQwensAre() {
        ByteLevelVocabulary vocabulary = ByteLevelVocabulary.build(151_643, 151_936);

        assertThat(vocabulary.tokens()).hasSize(151_936).doesNotHaveDuplicates();
        assertThat(vocabulary.specials().endOfText()).isEqualTo(151_643);
        assertThat(vocabulary.tokens().get(151_644)).isEqualTo("<|im_start|>");
        assertThat(vocabulary.tokens().get(151_935)).isEqualTo("[PAD151935]");
        assertThat(vocabulary.types()[151_935]).isEqualTo(ByteLevelVocabulary.UNUSED);
    }

    @Test
    void specsThatLlamaCppCouldNotRunAreRefused() {
        RandomModelSpec tiny = RandomModels.tiny("llama", 1);

        assertThatThrownBy(() -> RandomModels.tiny("gemma", 1)).hasMessageContaining("random models come in");
        assertThatThrownBy(() -> new RandomModelSpec("llama", "x", 300, 400, 64, 64, 1, 100, 4, 2, 16, 1e4f, 1e-6f,
                GgmlType.Q4_0, GgmlType.Q4_0, null, 1)).hasMessageContaining("feed-forward length 100");
        assertThatThrownBy(() -> new RandomModelSpec("llama", "x", 300, 400, 64, 64, 1, 128, 4, 3, 16, 1e4f, 1e-6f,
                GgmlType.F32, GgmlType.F32, null, 1)).hasMessageContaining("multiple of the KV head count");
        assertThat(tiny.withSeed(9).seed()).isEqualTo(9);
    }
}
