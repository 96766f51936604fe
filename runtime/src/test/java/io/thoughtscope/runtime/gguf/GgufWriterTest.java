package io.thoughtscope.runtime.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What the writer writes, the reader reads back: metadata of every type, tensors of every supported type. */
class GgufWriterTest {
    @TempDir
    Path dir;

    /** A file with one value of every type, edge values, nested arrays and tensors of several types. */
    static Path writeEveryValueType(Path path) throws IOException {
        withNestedArrays(everyValueType()).write(path);
        return path;
    }

    /** Arrays of arrays are valid GGUF, though llama.cpp refuses them. */
    static GgufWriter withNestedArrays(GgufWriter writer) {
        return writer.put("nested", GgufArray.ofArrays(List.of(GgufArray.ofInt32(1, 2),
                GgufArray.ofStrings(List.of("x")))));
    }

    static GgufWriter everyValueType() {
        return new GgufWriter()
                .putString("general.architecture", "llama")
                .putString("general.name", "every type: äöü ✓ 思考")
                .put("u8", GgufValue.u8(255)).put("i8", GgufValue.i8(-128))
                .put("u16", GgufValue.u16(65535)).put("i16", GgufValue.i16(-32768))
                .put("u32", GgufValue.u32(4_294_967_295L)).put("i32", GgufValue.i32(Integer.MIN_VALUE))
                .put("u64", GgufValue.u64(-1L)).put("i64", GgufValue.i64(Long.MIN_VALUE))
                .put("f32", GgufValue.f32(1.5e-6f)).put("f64", GgufValue.f64(Math.PI))
                .put("yes", GgufValue.bool(true)).put("no", GgufValue.bool(false))
                .put("empty", GgufValue.string(""))
                .put("strings", GgufArray.ofStrings(List.of("a", "", "Ġthe", "<think>")))
                .put("ints", GgufArray.ofInt32(1, -2, 3))
                .put("u16s", GgufArray.ofIntegers(GgufType.UINT16, 0, 65535))
                .put("u64s", GgufArray.ofIntegers(GgufType.UINT64, -1L, 5))
                .put("floats", GgufArray.ofFloat32(0.5f, -0.25f))
                .put("doubles", GgufArray.ofFloat64(1e300))
                .put("bools", GgufArray.ofBools(true, false, true))
                .put("none", GgufArray.ofStrings(List.of()))
                .addTensor("a.weight", GgmlType.F32, new long[]{32, 2}, TensorData.constant(0.5f))
                .addTensor("b.weight", GgmlType.Q8_0, new long[]{64}, TensorData.random(1, 0.1f))
                .addTensor("c.weight", GgmlType.F16, new long[]{3}, TensorData.floats(1, 2, 3));
    }

    @Test
    void everyMetadataTypeRoundTrips() throws IOException {
        GgufWriter writer = withNestedArrays(everyValueType());
        Path path = dir.resolve("every.gguf");
        writer.write(path);

        GgufFile file = GgufReader.readStructure(path);

        assertThat(file.version()).isEqualTo(3);
        assertThat(file.metadata().sequencedKeySet()).startsWith("general.architecture", "general.name", "u8");
        assertThat(file.name()).contains("every type: äöü ✓ 思考");
        assertThat(file.getLong("u8")).hasValue(255);
        assertThat(file.getLong("i8")).hasValue(-128);
        assertThat(file.getLong("u16")).hasValue(65535);
        assertThat(file.getLong("i16")).hasValue(-32768);
        assertThat(file.getLong("u32")).hasValue(4_294_967_295L);
        assertThat(file.getLong("i32")).hasValue(Integer.MIN_VALUE);
        assertThat(file.get("u64").orElseThrow()).hasToString("18446744073709551615");
        assertThat(file.getLong("i64")).hasValue(Long.MIN_VALUE);
        assertThat(file.getDouble("f32").orElseThrow()).isEqualTo(1.5e-6f);
        assertThat(file.getDouble("f64")).hasValue(Math.PI);
        assertThat(file.getBoolean("yes")).contains(true);
        assertThat(file.getBoolean("no")).contains(false);
        assertThat(file.getString("empty")).contains("");
        assertThat(file.getArray("strings").orElseThrow().strings()).containsExactly("a", "", "Ġthe", "<think>");
        assertThat(file.getArray("ints").orElseThrow().longAt(1)).isEqualTo(-2);
        assertThat(file.getArray("u16s").orElseThrow().longAt(1)).isEqualTo(65535);
        assertThat(file.getArray("u64s").orElseThrow().longAt(0)).isEqualTo(-1L);
        assertThat(file.getArray("floats").orElseThrow().doubleAt(1)).isEqualTo(-0.25);
        assertThat(file.getArray("doubles").orElseThrow().doubleAt(0)).isEqualTo(1e300);
        assertThat(file.getArray("bools").orElseThrow().booleanAt(2)).isTrue();
        assertThat(file.getArray("none").orElseThrow().size()).isZero();
        GgufArray nested = file.getArray("nested").orElseThrow();
        assertThat(nested.depth()).isEqualTo(2);
        assertThat(nested.arrayAt(1).stringAt(0)).isEqualTo("x");
        // every value equals what was put
        GgufFile again = GgufReader.readStructure(path);
        assertThat(again.metadata()).isEqualTo(file.metadata());
        assertThat(file.metadata().get("strings")).isEqualTo(GgufArray.ofStrings(List.of("a", "", "Ġthe", "<think>")));
    }

    @Test
    void tensorsAreLaidOutAlignedInHeaderOrder() throws IOException {
        GgufWriter writer = everyValueType();
        Path path = dir.resolve("layout.gguf");
        long size = writer.write(path);

        GgufFile file = GgufReader.readStructure(path);

        assertThat(size).isEqualTo(Files.size(path)).isEqualTo(file.dataStart() + writer.dataBytes());
        assertThat(file.dataStart() % 32).isZero();
        assertThat(file.tensors()).extracting(GgufTensor::name).containsExactly("a.weight", "b.weight", "c.weight");
        assertThat(file.tensors()).extracting(GgufTensor::dataOffset).containsExactly(0L, 256L, 352L);
        assertThat(file.tensors()).extracting(GgufTensor::byteSize).containsExactly(256L, 68L, 6L);
        assertThat(LlamaCppCompatibility.problem(file)).isEmpty();
    }

    @Test
    void aLargerAlignmentIsUsedForTheWholeFile() throws IOException {
        Path path = dir.resolve("aligned.gguf");
        new GgufWriter().putString("general.architecture", "llama").putUInt32("general.alignment", 128)
                .addTensor("a", GgmlType.F32, new long[]{1}, TensorData.constant(1))
                .addTensor("b", GgmlType.F32, new long[]{1}, TensorData.constant(2))
                .write(path);

        GgufFile file = GgufReader.read(path);

        assertThat(file.alignment()).isEqualTo(128);
        assertThat(file.dataStart() % 128).isZero();
        assertThat(file.tensor("b").orElseThrow().dataOffset()).isEqualTo(128);
        assertThat(TensorDecoder.readFloats(file, file.tensor("b").orElseThrow())).containsExactly(2f);
    }

    @Test
    void floatTensorsRoundTripWithinTheirTypesPrecision() throws IOException {
        float[] values = new float[256];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * 0.1f;
        }
        Path path = dir.resolve("floats.gguf");
        GgufWriter writer = new GgufWriter().putString("general.architecture", "llama");
        for (GgmlType type : List.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0)) {
            writer.addTensor(type.name(), type, new long[]{128, 2}, TensorData.floats(values));
        }
        writer.write(path);
        GgufFile file = GgufReader.read(path);

        assertThat(decode(file, "F32")).containsExactly(values);
        assertClose(decode(file, "F16"), values, 1e-4f);
        assertClose(decode(file, "BF16"), values, 2e-3f);
        assertClose(decode(file, "Q8_0"), values, 0.005f);
        assertClose(decode(file, "Q4_0"), values, 0.06f);
    }

    @Test
    void q8AndQ4BlocksMatchGgmlsReferenceQuantizers() throws IOException {
        float[] ramp = new float[32];
        for (int i = 0; i < 32; i++) {
            ramp[i] = i - 16;   // -16 .. 15: the extreme is -16
        }
        Path path = dir.resolve("ramp.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("q8", GgmlType.Q8_0, new long[]{32}, TensorData.floats(ramp))
                .addTensor("q4", GgmlType.Q4_0, new long[]{32}, TensorData.floats(ramp)).write(path);
        GgufFile file = GgufReader.read(path);
        ByteBuffer q8 = rawBytes(file, "q8");
        ByteBuffer q4 = rawBytes(file, "q4");

        // q8_0: d = amax / 127 = 16/127; -16 -> -127, 15 -> round(119.06) = 119
        assertThat(Float.float16ToFloat(q8.getShort(0))).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(16f / 127)));
        assertThat(q8.get(2)).isEqualTo((byte) -127);
        assertThat(q8.get(2 + 31)).isEqualTo((byte) 119);
        // q4_0: d = max / -8 = 2; element 0 (-16) -> -8 + 8 = 0; element 16 (0) -> 8; element 31 (15) -> 15
        assertThat(Float.float16ToFloat(q4.getShort(0))).isEqualTo(2f);
        assertThat(q4.get(2) & 0x0F).isEqualTo(0);
        assertThat((q4.get(2) & 0xFF) >> 4).isEqualTo(8);
        assertThat((q4.get(2 + 15) & 0xFF) >> 4).isEqualTo(15);
    }

    @Test
    void roundingFollowsCsRoundfForHalves() {
        assertThat(TensorEncoder.roundHalfAwayFromZero(-2.5f)).isEqualTo(-3);
        assertThat(TensorEncoder.roundHalfAwayFromZero(2.5f)).isEqualTo(3);
        assertThat(TensorEncoder.roundHalfAwayFromZero(0.49999997f)).isZero();
    }

    @Test
    void randomBlocksHaveTheAskedDeviationAndAreReproducible() throws IOException {
        Path path = dir.resolve("random.gguf");
        GgufWriter writer = new GgufWriter().putString("general.architecture", "llama");
        for (GgmlType type : List.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0,
                GgmlType.Q6_K)) {
            writer.addTensor(type.name(), type, new long[]{256, 64}, TensorData.random(42, 0.02f));
        }
        writer.addTensor("again", GgmlType.Q4_0, new long[]{256, 64}, TensorData.random(42, 0.02f));
        writer.addTensor("other", GgmlType.Q4_0, new long[]{256, 64}, TensorData.random(43, 0.02f));
        writer.write(path);
        GgufFile file = GgufReader.read(path);

        for (String name : List.of("F32", "F16", "BF16", "Q8_0", "Q4_0", "Q6_K")) {
            float[] values = decode(file, name);
            assertThat(deviation(values)).as(name).isCloseTo(0.02, within(0.004));
            for (float value : values) {
                assertThat(Float.isFinite(value)).as(name).isTrue();
            }
        }
        assertThat(rawBytes(file, "again")).isEqualTo(rawBytes(file, "Q4_0"));
        assertThat(rawBytes(file, "other")).isNotEqualTo(rawBytes(file, "Q4_0"));
    }

    @Test
    void aTensorMuchLargerThanTheWriteBufferStreamsThrough() throws IOException {
        long rows = 3 * ChannelOutput.BUFFER_BYTES / 18 / 8 + 1;  // over three buffers of Q4_0 blocks
        Path path = dir.resolve("big.gguf");
        long size = new GgufWriter().putString("general.architecture", "llama")
                .addTensor("big", GgmlType.Q4_0, new long[]{256, rows}, TensorData.random(5, 0.02f))
                .addTensor("after", GgmlType.F32, new long[]{32}, TensorData.constant(7)).write(path);

        GgufFile file = GgufReader.read(path);

        assertThat(file.tensor("big").orElseThrow().byteSize()).isGreaterThan(3L * ChannelOutput.BUFFER_BYTES);
        assertThat(size).isEqualTo(file.fileSize());
        assertThat(TensorDecoder.readFloats(file, file.tensor("after").orElseThrow())).containsOnly(7f);
    }

    @Test
    void theFileAppearsOnlyWhenComplete() throws IOException {
        Path path = dir.resolve("model.gguf");
        everyValueType().write(path);

        assertThat(dir.resolve("model.gguf.partial")).doesNotExist();
        everyValueType().write(path);  // replaces
        assertThat(GgufReader.readStructure(path).tensors()).hasSize(3);
    }

    @Test
    void theWriterRefusesWhatTheReaderWouldRefuse() {
        GgufWriter writer = new GgufWriter().putString("k", "v");

        assertThatThrownBy(() -> writer.putString("k", "again")).hasMessageContaining("already set");
        assertThatThrownBy(() -> writer.putString("", "v")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> writer.putUInt32("general.alignment", 48)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> writer.putString("general.alignment", "32")).hasMessageContaining("UINT32");
        assertThatThrownBy(() -> writer.addTensor("x".repeat(64), GgmlType.F32, new long[]{1}, TensorData.constant(0)))
                .hasMessageContaining("1 to 63 bytes");
        assertThatThrownBy(() -> writer.addTensor("q", GgmlType.Q4_0, new long[]{33}, TensorData.constant(0)))
                .hasMessageContaining("not a multiple of the Q4_0 block size 32");
        assertThatThrownBy(() -> writer.addTensor("z", GgmlType.F32, new long[]{0}, TensorData.constant(0)))
                .hasMessageContaining("below 1");
        assertThatThrownBy(() -> writer.addTensor("n", GgmlType.F32, new long[]{4}, TensorData.floats(1, 2)))
                .hasMessageContaining("has 4 elements but 2 values were given");
        assertThatThrownBy(() -> writer.addTensor("k", GgmlType.Q4_K, new long[]{256}, TensorData.constant(0)))
                .hasMessageContaining("cannot convert floats to Q4_K");
        assertThatThrownBy(() -> writer.addTensor("r", GgmlType.IQ2_XXS, new long[]{256}, TensorData.random(1, 1)))
                .hasMessageContaining("cannot write random IQ2_XXS");
        assertThatThrownBy(() -> writer.addTensor("e", GgmlType.Q4_0, new long[]{32}, TensorData.encoded(new byte[17])))
                .hasMessageContaining("takes 18 bytes but 17 were given");
        writer.addTensor("t", GgmlType.F32, new long[]{1}, TensorData.constant(0));
        assertThatThrownBy(() -> writer.addTensor("t", GgmlType.F32, new long[]{1}, TensorData.constant(0)))
                .hasMessageContaining("already added");
    }

    @Test
    void encodedBytesAreWrittenAsGiven() throws IOException {
        byte[] block = new byte[18];
        block[1] = 0x3C;   // f16 1.0 = 0x3C00
        block[2] = (byte) 0x9F;   // low nibble 15 -> +7, high nibble 9 -> +1
        Path path = dir.resolve("encoded.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("q", GgmlType.Q4_0, new long[]{32}, TensorData.encoded(block)).write(path);

        float[] values = decode(GgufReader.read(path), "q");

        assertThat(values[0]).isEqualTo(7f);
        assertThat(values[16]).isEqualTo(1f);
        assertThat(values[1]).isEqualTo(-8f);
    }

    private static float[] decode(GgufFile file, String name) throws IOException {
        return TensorDecoder.readFloats(file, file.tensor(name).orElseThrow());
    }

    private static ByteBuffer rawBytes(GgufFile file, String name) throws IOException {
        GgufTensor tensor = file.tensor(name).orElseThrow();
        byte[] all = Files.readAllBytes(file.path());
        return ByteBuffer.wrap(all, (int) tensor.fileOffset(), (int) tensor.byteSize()).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void assertClose(float[] actual, float[] expected, float tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }

    private static double deviation(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float value : values) {
            sum += value;
            squares += (double) value * value;
        }
        double mean = sum / values.length;
        return Math.sqrt(squares / values.length - mean * mean);
    }
}
