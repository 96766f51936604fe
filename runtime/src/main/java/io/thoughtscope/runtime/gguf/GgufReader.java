package io.thoughtscope.runtime.gguf;

import io.thoughtscope.runtime.gguf.GgufException.Problem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks the header of a GGUF file before any native code sees it. Only the header is read (positional
 * reads through a small window), so the cost does not grow with the file's size. On any input the reader either
 * returns a {@link GgufFile} or throws a {@link GgufException} (or a plain {@link IOException} when the file
 * cannot be read at all); it never throws anything else and never allocates more than {@link GgufReadLimits}
 * allow.
 */
public final class GgufReader {
    private static final byte[] MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DIMS = 4;
    // the smallest possible records, to reject counts the rest of the file cannot hold before looping over them
    private static final long MIN_ENTRY_BYTES = 8 + 1 + 4 + 1;
    private static final long MIN_TENSOR_INFO_BYTES = 8 + 1 + 4 + 8 + 4 + 8;

    private GgufReader() {
    }

    /**
     * Reads the header and checks both that the file is well formed and that the bundled llama.cpp can load it
     * (see {@link LlamaCppCompatibility}). This is the check to run before handing a file to native code.
     */
    public static GgufFile read(Path path) throws IOException {
        GgufFile file = readStructure(path, GgufReadLimits.DEFAULT);
        LlamaCppCompatibility.requireLoadable(file);
        return file;
    }

    /** Reads the header and checks that the file is well formed GGUF, whatever model it holds. */
    public static GgufFile readStructure(Path path) throws IOException {
        return readStructure(path, GgufReadLimits.DEFAULT);
    }

    public static GgufFile readStructure(Path path, GgufReadLimits limits) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return readStructure(channel, path, limits);
        }
    }

    /** Reads from any seekable channel; {@code path} names the source in messages and in the result. */
    static GgufFile readStructure(SeekableByteChannel channel, Path path, GgufReadLimits limits) throws IOException {
        return new HeaderParser(new GgufInput(channel, path), limits).parse();
    }

    private static final class HeaderParser {
        private final GgufInput in;
        private final GgufReadLimits limits;
        private long metadataBytes;

        HeaderParser(GgufInput in, GgufReadLimits limits) {
            this.in = in;
            this.limits = limits;
        }

        GgufFile parse() throws IOException {
            checkMagic();
            int version = readVersion();

            long countsAt = in.position();
            long tensorCount = in.i64("the tensor count");
            long entryCount = in.i64("the metadata entry count");
            checkCount(tensorCount, limits.maxTensors(), "tensor count", countsAt);
            checkCount(entryCount, limits.maxMetadataEntries(), "metadata entry count", countsAt + 8);
            long leastBytes = tensorCount * MIN_TENSOR_INFO_BYTES + entryCount * MIN_ENTRY_BYTES;
            if (leastBytes > in.remaining()) {
                throw fail(Problem.IMPLAUSIBLE_COUNT, "the header claims " + tensorCount + " tensors and "
                        + entryCount + " metadata entries, which need at least " + leastBytes
                        + " bytes, but only " + in.remaining() + " bytes follow", countsAt);
            }

            LinkedHashMap<String, GgufValue> metadata = new LinkedHashMap<>();
            for (long i = 0; i < entryCount; i++) {
                readEntry(i, metadata);
            }
            int alignment = alignment(metadata);

            List<TensorInfo> infos = new ArrayList<>((int) Math.min(tensorCount, 4096));
            Set<String> names = new HashSet<>();
            for (long i = 0; i < tensorCount; i++) {
                TensorInfo info = readTensorInfo(i);
                if (!names.add(info.name)) {
                    throw fail(Problem.DUPLICATE, "tensor name '" + info.name + "' appears twice", info.at);
                }
                infos.add(info);
            }

            long dataStart = tensorCount == 0 ? in.position() : alignUp(in.position(), alignment);
            if (dataStart > in.size()) {
                throw fail(Problem.TRUNCATED, "file is truncated: the tensor data section would start at byte "
                        + dataStart + " but the file has only " + in.size() + " bytes", in.position());
            }
            List<GgufTensor> tensors = placeTensors(infos, alignment, dataStart);
            return new GgufFile(in.path(), in.size(), version, metadata, tensors, alignment, dataStart);
        }

        private void checkMagic() throws IOException {
            if (in.size() < MAGIC.length) {
                throw fail(Problem.NOT_GGUF, "not a GGUF file: it is " + (in.size() == 0 ? "empty"
                        : "only " + in.size() + " byte" + (in.size() == 1 ? "" : "s") + " long"), 0);
            }
            byte[] start = new byte[(int) Math.min(in.size(), 64)];
            in.bytes(start, 0, start.length, "the file's first bytes");
            if (!Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw fail(Problem.NOT_GGUF, "not a GGUF file: it starts with " + FileSniffer.describe(start)
                        + FileSniffer.hint(start) + ", expected 'GGUF'", 0);
            }
            in.seek(MAGIC.length);
        }

        private int readVersion() throws IOException {
            long at = in.position();
            long version = in.u32("the GGUF version");
            if (version == 2 || version == 3) {
                return (int) version;
            }
            if ((version & 0xFFFF) == 0 && version != 0) {
                throw fail(Problem.UNSUPPORTED_VERSION, "GGUF version reads as " + version + " (0x"
                        + Long.toHexString(version) + "): this is a big-endian GGUF, which llama.cpp on this "
                        + "machine cannot load", at);
            }
            if (version == 1) {
                throw fail(Problem.UNSUPPORTED_VERSION,
                        "GGUF version 1 is no longer supported by llama.cpp: convert the model again", at);
            }
            throw fail(Problem.UNSUPPORTED_VERSION, "unsupported GGUF version " + version
                    + " (versions 2 and 3 are supported)", at);
        }

        private void checkCount(long count, long limit, String what, long at) throws GgufException {
            if (count < 0 || count > limit) {
                throw fail(Problem.IMPLAUSIBLE_COUNT, what + " " + Long.toUnsignedString(count)
                        + " is implausible (at most " + limit + " accepted)", at);
            }
        }

        private void readEntry(long index, LinkedHashMap<String, GgufValue> metadata) throws IOException {
            long at = in.position();
            String key = readString(limits.maxKeyBytes(), "the key of metadata entry #" + index);
            if (key.isEmpty()) {
                throw fail(Problem.INVALID_NAME, "metadata entry #" + index + " has an empty key", at);
            }
            if (metadata.containsKey(key)) {
                throw fail(Problem.DUPLICATE, "metadata key '" + key + "' appears twice", at);
            }
            long typeAt = in.position();
            long code = in.u32("the value type of '" + key + "'");
            GgufType type = GgufType.ofCode(code).orElseThrow(() -> fail(Problem.UNKNOWN_VALUE_TYPE,
                    "metadata '" + key + "' has unknown value type " + code + " (GGUF types are 0 to 12)", typeAt));
            metadata.put(key, readValue(type, key, 0));
        }

        private GgufValue readValue(GgufType type, String key, int depth) throws IOException {
            String what = "the value of '" + key + "'";
            return switch (type) {
                case UINT8 -> new GgufValue.IntValue(type, in.u8(what));
                case INT8 -> new GgufValue.IntValue(type, (byte) in.u8(what));
                case UINT16 -> new GgufValue.IntValue(type, readShort(what) & 0xFFFF);
                case INT16 -> new GgufValue.IntValue(type, (short) readShort(what));
                case UINT32 -> new GgufValue.IntValue(type, in.u32(what));
                case INT32 -> new GgufValue.IntValue(type, in.i32(what));
                case UINT64, INT64 -> new GgufValue.IntValue(type, in.i64(what));
                case FLOAT32 -> new GgufValue.FloatValue(type, Float.intBitsToFloat(in.i32(what)));
                case FLOAT64 -> new GgufValue.FloatValue(type, Double.longBitsToDouble(in.i64(what)));
                case BOOL -> new GgufValue.BoolValue(in.u8(what) != 0);
                case STRING -> new GgufValue.StringValue(readString(limits.maxStringBytes(), what));
                case ARRAY -> readArray(key, depth + 1);
            };
        }

        private int readShort(String what) throws IOException {
            return in.u8(what) | in.u8(what) << 8;
        }

        private GgufArray readArray(String key, int depth) throws IOException {
            long at = in.position();
            if (depth > limits.maxArrayDepth()) {
                throw fail(Problem.NESTING_TOO_DEEP, "metadata '" + key + "' nests arrays more than "
                        + limits.maxArrayDepth() + " deep", at);
            }
            long code = in.u32("the element type of array '" + key + "'");
            GgufType type = GgufType.ofCode(code).orElseThrow(() -> fail(Problem.UNKNOWN_VALUE_TYPE,
                    "array '" + key + "' has unknown element type " + code + " (GGUF types are 0 to 12)", at));
            long countAt = in.position();
            long count = in.i64("the length of array '" + key + "'");
            if (count < 0 || count > limits.maxArrayLength()) {
                throw fail(Problem.IMPLAUSIBLE_LENGTH, "array '" + key + "' claims "
                        + Long.toUnsignedString(count) + " elements (at most " + limits.maxArrayLength()
                        + " accepted)", countAt);
            }
            long leastBytes = count * switch (type) {
                case STRING -> 8;
                case ARRAY -> 12;
                default -> type.fixedSize();
            };
            if (leastBytes > in.remaining()) {
                throw fail(Problem.TRUNCATED, "file is truncated: array '" + key + "' of " + count + " " + type
                        + " elements needs at least " + leastBytes + " bytes but only " + in.remaining()
                        + " remain", countAt);
            }
            int size = (int) count;
            return switch (type) {
                case STRING -> readStringArray(key, size);
                case ARRAY -> {
                    List<GgufArray> children = new ArrayList<>(Math.min(size, 1024));
                    for (int i = 0; i < size; i++) {
                        children.add(readArray(key + "[" + i + "]", depth + 1));
                    }
                    yield GgufArray.ofArrays(children);
                }
                default -> {
                    charge((long) size * type.fixedSize(), countAt);
                    byte[] data = new byte[size * type.fixedSize()];
                    in.bytes(data, 0, data.length, "the elements of array '" + key + "'");
                    yield GgufArray.ofFixedBytes(type, size, data);
                }
            };
        }

        private GgufArray readStringArray(String key, int size) throws IOException {
            String what = "a string length in array '" + key + "'";
            charge((long) size * 4, in.position());
            int[] starts = new int[size + 1];
            byte[] data = new byte[(int) Math.min(in.remaining(), Math.min(1 << 20, (long) size * 16))];
            int used = 0;
            for (int i = 0; i < size; i++) {
                long at = in.position();
                long length = in.i64(what);
                if (length < 0 || length > limits.maxStringBytes()) {
                    throw fail(Problem.IMPLAUSIBLE_LENGTH, "element " + i + " of array '" + key + "' claims "
                            + Long.toUnsignedString(length) + " bytes (at most " + limits.maxStringBytes()
                            + " accepted)", at);
                }
                if (length > in.remaining()) {
                    throw fail(Problem.TRUNCATED, "file is truncated: element " + i + " of array '" + key
                            + "' is " + length + " bytes long but only " + in.remaining() + " bytes remain", at);
                }
                charge(length + 8, at);
                if (used + length > data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16,
                            Math.max(used + length, (long) data.length * 2)));
                }
                starts[i] = used;
                in.bytes(data, used, (int) length, "element " + i + " of array '" + key + "'");
                used += (int) length;
            }
            starts[size] = used;
            return GgufArray.ofStringBytes(used == data.length ? data : Arrays.copyOf(data, used), starts);
        }

        private String readString(long maxBytes, String what) throws IOException {
            long at = in.position();
            long length = in.i64("the length of " + what);
            if (length < 0 || length > maxBytes) {
                throw fail(Problem.IMPLAUSIBLE_LENGTH, what + " claims a length of "
                        + Long.toUnsignedString(length) + " bytes (at most " + maxBytes + " accepted)", at);
            }
            if (length > in.remaining()) {
                throw fail(Problem.TRUNCATED, "file is truncated: " + what + " is " + length
                        + " bytes long but only " + in.remaining() + " bytes remain", at);
            }
            charge(length, at);
            byte[] bytes = new byte[(int) length];
            in.bytes(bytes, 0, bytes.length, what);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Counts metadata bytes held in memory against the cap. */
        private void charge(long bytes, long at) throws GgufException {
            metadataBytes += bytes;
            if (metadataBytes > limits.maxMetadataBytes()) {
                throw fail(Problem.IMPLAUSIBLE_LENGTH, "metadata holds more than " + limits.maxMetadataBytes()
                        + " bytes", at);
            }
        }

        private int alignment(LinkedHashMap<String, GgufValue> metadata) throws GgufException {
            GgufValue value = metadata.get("general.alignment");
            if (value == null) {
                return GgufFile.DEFAULT_ALIGNMENT;
            }
            if (!(value instanceof GgufValue.IntValue(GgufType type, long alignment)) || type != GgufType.UINT32) {
                throw fail(Problem.WRONG_VALUE_TYPE, "general.alignment must be a UINT32 but is "
                        + describeType(value), -1);
            }
            if (alignment == 0 || Long.bitCount(alignment) != 1 || alignment > 1L << 30) {
                throw fail(Problem.INVALID_ALIGNMENT, "general.alignment " + alignment
                        + " is not a power of two up to 2^30", -1);
            }
            return (int) alignment;
        }

        private TensorInfo readTensorInfo(long index) throws IOException {
            long at = in.position();
            String name = readString(limits.maxKeyBytes(), "the name of tensor #" + index);
            if (name.isEmpty()) {
                throw fail(Problem.INVALID_NAME, "tensor #" + index + " has an empty name", at);
            }
            long dimsAt = in.position();
            long dimCount = in.u32("the dimension count of tensor '" + name + "'");
            if (dimCount > MAX_DIMS) {
                throw fail(Problem.INVALID_SHAPE, "tensor '" + name + "' has " + dimCount
                        + " dimensions; GGUF allows at most " + MAX_DIMS, dimsAt);
            }
            long[] shape = new long[(int) dimCount];
            long elements = 1;
            for (int d = 0; d < shape.length; d++) {
                long dimAt = in.position();
                shape[d] = in.i64("dimension " + d + " of tensor '" + name + "'");
                if (shape[d] <= 0) {
                    throw fail(Problem.INVALID_SHAPE, "tensor '" + name + "' has dimension " + d + " of "
                            + shape[d] + "; every dimension must be at least 1", dimAt);
                }
                try {
                    elements = Math.multiplyExact(elements, shape[d]);
                } catch (ArithmeticException overflow) {
                    throw fail(Problem.INVALID_SHAPE, "tensor '" + name + "' has shape " + shapeText(shape, d + 1)
                            + ", whose element count overflows 64 bits", dimAt);
                }
            }
            long typeAt = in.position();
            long code = in.u32("the type of tensor '" + name + "'");
            GgmlType type = GgmlType.ofCode(code).orElseThrow(() -> fail(Problem.UNKNOWN_TENSOR_TYPE,
                    unknownTypeText(name, code), typeAt));
            long rowLength = shape.length == 0 ? 1 : shape[0];
            if (rowLength % type.blockSize() != 0) {
                throw fail(Problem.INVALID_SHAPE, "tensor '" + name + "' of type " + type + " has rows of "
                        + rowLength + " elements, not a multiple of the type's block size " + type.blockSize(),
                        dimsAt);
            }
            long byteSize;
            try {
                byteSize = type.byteSize(elements);
            } catch (ArithmeticException overflow) {
                throw fail(Problem.INVALID_SHAPE, "tensor '" + name + "' of shape " + shapeText(shape, shape.length)
                        + " has a byte size that overflows 64 bits", dimsAt);
            }
            long offsetAt = in.position();
            long offset = in.i64("the data offset of tensor '" + name + "'");
            List<Long> shapeList = Arrays.stream(shape).boxed().toList();
            return new TensorInfo(name, shapeList, type, offset, byteSize, at, offsetAt);
        }

        private static String unknownTypeText(String name, long code) {
            return GgmlType.removedName(code)
                    .map(old -> "tensor '" + name + "' has type " + code + " (" + old + "), which was removed "
                            + "from GGUF files: requantize the model with a current llama.cpp")
                    .orElse("tensor '" + name + "' has unknown ggml type " + code
                            + " (the bundled llama.cpp knows types up to " + GgmlType.NVFP4.code() + ")");
        }

        /** Checks alignment, bounds and overlap of the tensor data, and computes the absolute offsets. */
        private List<GgufTensor> placeTensors(List<TensorInfo> infos, int alignment, long dataStart)
                throws GgufException {
            long dataBytes = in.size() - dataStart;
            List<GgufTensor> tensors = new ArrayList<>(infos.size());
            for (TensorInfo info : infos) {
                if (info.offset < 0 || info.offset > dataBytes || info.byteSize > dataBytes - info.offset) {
                    throw fail(Problem.TENSOR_OUT_OF_BOUNDS, "tensor '" + info.name + "' (" + info.type + ", "
                            + shapeText(info.shape) + ", " + info.byteSize + " bytes) at data offset "
                            + Long.toUnsignedString(info.offset) + " runs past the end of the file ("
                            + in.size() + " bytes, data from byte " + dataStart
                            + "): the file is truncated or the offset is wrong", info.offsetAt);
                }
                if (info.offset % alignment != 0) {
                    throw fail(Problem.MISALIGNED_TENSOR, "tensor '" + info.name + "' has data offset "
                            + info.offset + ", not a multiple of the alignment " + alignment, info.offsetAt);
                }
                tensors.add(new GgufTensor(info.name, info.shape, info.type, info.offset,
                        dataStart + info.offset, info.byteSize));
            }
            List<TensorInfo> byOffset = new ArrayList<>(infos);
            byOffset.sort(Comparator.comparingLong(TensorInfo::offset));
            for (int i = 1; i < byOffset.size(); i++) {
                TensorInfo previous = byOffset.get(i - 1);
                TensorInfo next = byOffset.get(i);
                if (next.offset < previous.offset + previous.byteSize) {
                    throw fail(Problem.OVERLAPPING_TENSORS, "tensors '" + previous.name + "' (data bytes "
                            + previous.offset + " to " + (previous.offset + previous.byteSize) + ") and '"
                            + next.name + "' (from data byte " + next.offset + ") overlap", next.offsetAt);
                }
            }
            return tensors;
        }

        private GgufException fail(Problem problem, String detail, long at) {
            return new GgufException(problem, detail, in.path(), at);
        }
    }

    private record TensorInfo(String name, List<Long> shape, GgmlType type, long offset, long byteSize, long at,
                              long offsetAt) {
    }

    static long alignUp(long value, long alignment) {
        long rest = value % alignment;
        return rest == 0 ? value : value + alignment - rest;
    }

    static String describeType(GgufValue value) {
        return value instanceof GgufArray array ? "an array of " + array.elementType() : value.type().toString();
    }

    private static String shapeText(List<Long> shape) {
        return shapeText(shape.stream().mapToLong(Long::longValue).toArray(), shape.size());
    }

    private static String shapeText(long[] shape, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return text.isEmpty() ? "scalar" : text.toString();
    }
}
