package io.thoughtscope.runtime.gguf;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the bytes, the reader answers with a {@link GgufFile} or a {@link GgufException}: no other exception,
 * no endless loop, no huge allocation. Fixed seeds make any failure reproducible.
 */
class GgufFuzzTest {
    @TempDir
    static Path dir;

    private static byte[] richHeaderFile;
    private static byte[] tinyModel;
    private static long tinyDataStart;

    @BeforeAll
    static void writeValidFiles() throws IOException {
        richHeaderFile = Files.readAllBytes(GgufWriterTest.writeEveryValueType(dir.resolve("rich.gguf")));
        Path tiny = dir.resolve("tiny.gguf");
        RandomModels.write(RandomModels.tiny("qwen3", 11), tiny);
        tinyModel = Files.readAllBytes(tiny);
        tinyDataStart = GgufReader.read(tiny).dataStart();
    }

    /**
     * Reads the bytes (from memory, through the same parser as files, since thousands of file writes would make
     * the test slow); returns normally whether they were accepted or refused with a GgufException.
     */
    private static boolean readSurvives(byte[] bytes, String what) throws IOException {
        try {
            GgufFile gguf = GgufReader.readStructure(new ByteArrayChannel(bytes), Path.of("fuzz.gguf"),
                    GgufReadLimits.DEFAULT);
            assertThat(gguf.dataStart()).isLessThanOrEqualTo(bytes.length);
            return true;
        } catch (GgufException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (IOException | RuntimeException | Error unexpected) {
            throw new AssertionError(what + ": the reader threw " + unexpected, unexpected);
        }
    }

    @Test
    void aFileCutAtAnyOffsetOfItsHeaderIsRefused() throws IOException {
        long header = GgufReader.readStructure(writeTemp(richHeaderFile)).dataStart();
        for (int length = 0; length < header; length++) {
            assertThat(readSurvives(Arrays.copyOf(richHeaderFile, length), "cut at " + length))
                    .as("cut at %d", length).isFalse();
        }
    }

    @Test
    void aModelCutInsideItsHeaderOrDataIsRefused() throws IOException {
        for (int length = 0; length < tinyDataStart; length += 5) {
            assertThat(readSurvives(Arrays.copyOf(tinyModel, length), "cut at " + length)).isFalse();
        }
        for (int length = (int) tinyDataStart; length < tinyModel.length; length += 97) {
            assertThat(readSurvives(Arrays.copyOf(tinyModel, length), "cut at " + length)).isFalse();
        }
    }

    @Test
    void flippedBytesInTheHeaderNeverEscapeAsOtherExceptions() throws IOException {
        flipBytes(richHeaderFile, richHeaderFile.length, 20260101L, 3000);
        flipBytes(tinyModel, (int) tinyDataStart, 20260102L, 3000);
    }

    private void flipBytes(byte[] original, int region, long seed, int rounds) throws IOException {
        Random random = new Random(seed);
        for (int round = 0; round < rounds; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int at = random.nextInt(region);
                bytes[at] = random.nextInt(4) == 0 ? (byte) 0xFF : (byte) (bytes[at] ^ (1 << random.nextInt(8)));
            }
            readSurvives(bytes, "seed " + seed + " round " + round);
        }
    }

    @Test
    void randomBytesAfterAValidMagicNeverEscapeAsOtherExceptions() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[8 + random.nextInt(600)];
            random.nextBytes(bytes);
            System.arraycopy(new byte[]{'G', 'G', 'U', 'F', 3, 0, 0, 0}, 0, bytes, 0, 8);
            // small counts make the parser go deeper than random 64-bit counts would
            if (bytes.length >= 24 && random.nextBoolean()) {
                Arrays.fill(bytes, 9, 16, (byte) 0);
                Arrays.fill(bytes, 17, 24, (byte) 0);
                bytes[8] = (byte) random.nextInt(4);
                bytes[16] = (byte) random.nextInt(8);
            }
            readSurvives(bytes, "random round " + round);
        }
    }

    @Test
    void theUntouchedFilesAreAccepted() throws IOException {
        assertThat(readSurvives(richHeaderFile, "rich")).isTrue();
        assertThat(readSurvives(tinyModel, "tiny")).isTrue();
        assertThat(GgufReader.readStructure(writeTemp(tinyModel))).isEqualTo(GgufReader.readStructure(
                new ByteArrayChannel(tinyModel), dir.resolve("whole.gguf"), GgufReadLimits.DEFAULT));
    }

    private static Path writeTemp(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("whole.gguf"), bytes);
    }
}
