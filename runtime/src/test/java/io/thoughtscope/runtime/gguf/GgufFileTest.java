package io.thoughtscope.runtime.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The accessors answer the questions the app asks of a model file. */
class GgufFileTest {
    @TempDir
    Path dir;

    @Test
    void aTinyModelReportsItsShapeAndTokenizer() throws IOException {
        Path path = dir.resolve("tiny.gguf");
        RandomModels.write(RandomModels.tiny("qwen2", 1), path);
        ByteLevelVocabulary vocabulary = ByteLevelVocabulary.build(ByteLevelVocabulary.coreSize(),
                ByteLevelVocabulary.coreSize() + 5);

        GgufFile file = GgufReader.read(path);

        assertThat(file.architecture()).contains("qwen2");
        assertThat(file.name()).contains("tiny random qwen2");
        assertThat(file.quantization()).isEqualTo("Q8_0");
        assertThat(file.contextLength()).hasValue(2048);
        assertThat(file.blockCount()).hasValue(2);
        assertThat(file.embeddingLength()).hasValue(64);
        assertThat(file.feedForwardLength()).hasValue(128);
        assertThat(file.headCount()).hasValue(4);
        assertThat(file.headCountKv()).hasValue(2);
        assertThat(file.vocabularySize()).hasValue(vocabulary.tokens().size());
        assertThat(file.chatTemplate()).hasValueSatisfying(template -> assertThat(template)
                .contains("<|im_start|>", "enable_thinking"));
        assertThat(file.bosTokenId()).hasValue(vocabulary.specials().endOfText());
        assertThat(file.eosTokenId()).hasValue(vocabulary.specials().imEnd());
        assertThat(file.parameterCount()).isEqualTo(file.tensors().stream().mapToLong(GgufTensor::elementCount).sum())
                .isEqualTo(64L * vocabulary.tokens().size() + 64 + 2 * (64 + 64 * 64 * 2 + 64 * 32 * 2 + 64 + 32 * 2
                        + 64 + 3 * 64 * 128));
    }

    @Test
    void withoutAFileTypeTheQuantizationIsTheDominantWeightType() throws IOException {
        Path path = dir.resolve("q4.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("norm", GgmlType.F32, new long[]{4096}, TensorData.constant(1))
                .addTensor("w", GgmlType.Q4_0, new long[]{64, 64}, TensorData.random(1, 0.02f))
                .addTensor("small", GgmlType.Q8_0, new long[]{32, 2}, TensorData.random(1, 0.02f)).write(path);

        assertThat(GgufReader.read(path).quantization()).isEqualTo("Q4_0");
    }

    @Test
    void fileTypeCodesAreNamedAsLlamaQuantizeNamesThem() throws IOException {
        assertThat(fileWithFileType(15).quantization()).isEqualTo("Q4_K_M");
        assertThat(fileWithFileType(999).quantization()).isEqualTo("file type 999");
    }

    private GgufFile fileWithFileType(long code) throws IOException {
        Path path = dir.resolve("ft" + code + ".gguf");
        new GgufWriter().putString("general.architecture", "llama").putUInt32("general.file_type", code).write(path);
        return GgufReader.read(path);
    }

    @Test
    void perLayerHeadCountsGiveTheLargestAndKvFallsBackToTheHeadCount() throws IOException {
        Path path = dir.resolve("layers.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .put("llama.attention.head_count", GgufArray.ofInt32(8, 16, 12)).write(path);

        GgufFile file = GgufReader.read(path);

        assertThat(file.headCount()).hasValue(16);
        assertThat(file.headCountKv()).hasValue(16);
        assertThat(file.contextLength()).isEmpty();
        assertThat(file.vocabularySize()).isEmpty();
        assertThat(file.getString("llama.attention.head_count")).isEmpty();
    }

    @Test
    void theHeaderOfAFileOfManyGigabytesIsReadWithoutReadingItsData() throws IOException {
        long rows = 6L << 30 >> 10;  // 6 GiB of F32 rows of 256 elements
        Path path = dir.resolve("huge.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("small", GgmlType.F32, new long[]{32}, TensorData.constant(1)).write(path);
        GgufFile small = GgufReader.read(path);
        // rewrite the header by hand with a 6 GiB tensor, then make the file that long without writing it
        RawGguf raw = RawGguf.header(3, 1, 1).kvString("general.architecture", "llama")
                .tensor("huge", new long[]{256, rows}, GgmlType.F32.code(), 0).padTo(32);
        Path hugePath = raw.write(dir, "huge-sparse.gguf");
        try (RandomAccessFile file = new RandomAccessFile(hugePath.toFile(), "rw")) {
            file.setLength(raw.size() + (6L << 30));
        }

        GgufFile huge = GgufReader.read(hugePath);

        assertThat(small.tensors()).hasSize(1);
        assertThat(huge.fileSize()).isGreaterThan(6L << 30);
        assertThat(huge.tensors().getFirst().byteSize()).isEqualTo(6L << 30);
        assertThat(huge.parameterCount()).isEqualTo(256 * rows);
    }
}
