package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Writes GGUF v3 files: metadata of every type, tensor descriptions, and tensor data laid out the way llama.cpp
 * expects (header order, each tensor padded to the alignment). The data is produced while it is written, through
 * one small buffer, so a file of any size needs little memory. The file appears under its name only when it is
 * complete (written beside it, then moved).
 */
public final class GgufWriter {
    private static final int VERSION = 3;
    private static final int MAX_TENSOR_NAME_BYTES = 63;

    private final SequencedMap<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<PlannedTensor> tensors = new ArrayList<>();
    private final Set<String> tensorNames = new HashSet<>();

    private record PlannedTensor(String name, long[] shape, GgmlType type, TensorData data, long elements,
                                 long byteSize) {
    }

    /** Adds a metadata entry; keys must be unique and non-empty. {@code general.alignment} sets the alignment. */
    public GgufWriter put(String key, GgufValue value) {
        Objects.requireNonNull(value, "value");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("metadata keys must not be empty");
        }
        if (metadata.containsKey(key)) {
            throw new IllegalArgumentException("metadata key '" + key + "' is already set");
        }
        if (key.equals("general.alignment") && !(value instanceof GgufValue.IntValue(GgufType type, long alignment)
                && type == GgufType.UINT32 && alignment > 0 && Long.bitCount(alignment) == 1
                && alignment <= 1 << 30)) {
            throw new IllegalArgumentException("general.alignment must be a UINT32 power of two up to 2^30");
        }
        metadata.put(key, value);
        return this;
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValue.string(value));
    }

    public GgufWriter putUInt32(String key, long value) {
        return put(key, GgufValue.u32(value));
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValue.f32(value));
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValue.bool(value));
    }

    /**
     * Adds a tensor. {@code shape} is in GGUF order (row length first), 1 to 4 dimensions; the row length must be
     * a multiple of the type's block size.
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, TensorData data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_TENSOR_NAME_BYTES) {
            throw new IllegalArgumentException("tensor names must have 1 to " + MAX_TENSOR_NAME_BYTES + " bytes: "
                    + name);
        }
        if (!tensorNames.add(name)) {
            throw new IllegalArgumentException("tensor '" + name + "' is already added");
        }
        if (shape.length < 1 || shape.length > 4) {
            throw new IllegalArgumentException("tensor '" + name + "' needs 1 to 4 dimensions");
        }
        long elements = 1;
        for (long dim : shape) {
            if (dim < 1) {
                throw new IllegalArgumentException("tensor '" + name + "' has a dimension below 1");
            }
            elements = Math.multiplyExact(elements, dim);
        }
        if (shape[0] % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': rows of " + shape[0] + " are not a multiple "
                    + "of the " + type + " block size " + type.blockSize());
        }
        long byteSize = type.byteSize(elements);
        checkData(name, type, data, elements, byteSize);
        tensors.add(new PlannedTensor(name, shape.clone(), type, data, elements, byteSize));
        return this;
    }

    private static void checkData(String name, GgmlType type, TensorData data, long elements, long byteSize) {
        switch (data) {
            case TensorData.Floats(float[] values) when values.length != elements -> throw new IllegalArgumentException(
                    "tensor '" + name + "' has " + elements + " elements but " + values.length + " values were given");
            case TensorData.Floats _, TensorData.Constant _ when !TensorEncoder.FROM_FLOATS.contains(type) ->
                    throw new IllegalArgumentException("cannot convert floats to " + type + " (tensor '" + name
                            + "'); supported: " + TensorEncoder.FROM_FLOATS);
            case TensorData.Random _ when !TensorEncoder.RANDOM.contains(type) -> throw new IllegalArgumentException(
                    "cannot write random " + type + " data (tensor '" + name + "'); supported: "
                            + TensorEncoder.RANDOM);
            case TensorData.Encoded(byte[] bytes) when bytes.length != byteSize -> throw new IllegalArgumentException(
                    "tensor '" + name + "' takes " + byteSize + " bytes but " + bytes.length + " were given");
            default -> {
            }
        }
    }

    /** The alignment the file will use. */
    public int alignment() {
        return metadata.get("general.alignment") instanceof GgufValue.IntValue(var _, long alignment)
                ? (int) alignment : GgufFile.DEFAULT_ALIGNMENT;
    }

    /** Elements of all tensors added so far. */
    public long parameterCount() {
        return tensors.stream().mapToLong(PlannedTensor::elements).sum();
    }

    /** Each added tensor's type, in the order they will be written. */
    public SequencedMap<String, GgmlType> tensorTypes() {
        SequencedMap<String, GgmlType> types = new LinkedHashMap<>();
        tensors.forEach(tensor -> types.put(tensor.name, tensor.type));
        return types;
    }

    /** Bytes of tensor data, padding included. */
    public long dataBytes() {
        long total = 0;
        for (PlannedTensor tensor : tensors) {
            total += GgufReader.alignUp(tensor.byteSize, alignment());
        }
        return total;
    }

    /** Writes the file and returns its size in bytes. */
    public long write(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            long size;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                size = writeTo(channel);
            }
            try {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private long writeTo(FileChannel channel) throws IOException {
        ChannelOutput out = new ChannelOutput(channel);
        int alignment = alignment();
        out.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.u32(VERSION);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (var entry : metadata.entrySet()) {
            writeString(out, entry.getKey());
            out.u32(entry.getValue().type().code());
            writeValue(out, entry.getValue());
        }
        long offset = 0;
        for (PlannedTensor tensor : tensors) {
            writeString(out, tensor.name);
            out.u32(tensor.shape.length);
            for (long dim : tensor.shape) {
                out.u64(dim);
            }
            out.u32(tensor.type.code());
            out.u64(offset);
            offset += GgufReader.alignUp(tensor.byteSize, alignment);
        }
        out.padTo(alignment);
        long dataStart = out.position();
        for (PlannedTensor tensor : tensors) {
            long start = out.position();
            TensorEncoder.encode(tensor.type, tensor.data, tensor.elements, out);
            if (out.position() - start != tensor.byteSize) {
                throw new IllegalStateException("tensor '" + tensor.name + "' wrote " + (out.position() - start)
                        + " bytes instead of " + tensor.byteSize);
            }
            out.padTo(alignment);
        }
        out.flush();
        if (out.position() != dataStart + offset) {
            throw new IllegalStateException("data section is " + (out.position() - dataStart) + " bytes, planned "
                    + offset);
        }
        return out.position();
    }

    private static void writeString(ChannelOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.u64(bytes.length);
        out.bytes(bytes);
    }

    private static void writeValue(ChannelOutput out, GgufValue value) throws IOException {
        switch (value) {
            case GgufValue.IntValue(GgufType type, long number) -> {
                switch (type.fixedSize()) {
                    case 1 -> out.u8((int) number);
                    case 2 -> out.room(2).putShort((short) number);
                    case 4 -> out.u32(number);
                    default -> out.u64(number);
                }
            }
            case GgufValue.FloatValue(GgufType type, double number) -> {
                if (type == GgufType.FLOAT32) {
                    out.room(4).putFloat((float) number);
                } else {
                    out.room(8).putDouble(number);
                }
            }
            case GgufValue.BoolValue(boolean flag) -> out.u8(flag ? 1 : 0);
            case GgufValue.StringValue(String text) -> writeString(out, text);
            case GgufArray array -> writeArray(out, array);
        }
    }

    private static void writeArray(ChannelOutput out, GgufArray array) throws IOException {
        out.u32(array.elementType().code());
        out.u64(array.size());
        switch (array.elementType()) {
            case STRING -> {
                byte[] data = array.rawData();
                int[] starts = array.rawStarts();
                for (int i = 0; i < array.size(); i++) {
                    out.u64(starts[i + 1] - starts[i]);
                    out.bytes(data, starts[i], starts[i + 1] - starts[i]);
                }
            }
            case ARRAY -> {
                for (GgufArray child : array.rawChildren()) {
                    writeArray(out, child);
                }
            }
            default -> out.bytes(array.rawData());
        }
    }
}
