package io.thoughtscope.runtime.gguf;

import io.thoughtscope.runtime.gguf.GgufException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a header can be broken is refused with a specific message that names the place and the file. */
class GgufReaderValidationTest {
    @TempDir
    Path dir;

    private int files;

    private GgufException failure(RawGguf raw) throws IOException {
        return failure(raw.toBytes());
    }

    private GgufException failure(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("broken-" + files++ + ".gguf"), bytes);
        GgufException failure = catchThrowableOfType(GgufException.class, () -> GgufReader.read(file));
        assertThat(failure).as("reading should fail").isNotNull();
        assertThat(failure.file()).isEqualTo(file);
        assertThat(failure.getMessage()).contains(file.toString());
        return failure;
    }

    @Test
    void theMinimalModelIsAccepted() throws IOException {
        GgufFile file = GgufReader.read(RawGguf.minimalModel().write(dir, "ok.gguf"));

        assertThat(file.architecture()).contains("llama");
        assertThat(file.tensors()).singleElement().satisfies(tensor -> {
            assertThat(tensor.byteSize()).isEqualTo(128);
            assertThat(tensor.fileOffset()).isEqualTo(file.dataStart());
        });
    }

    @Test
    void aZipArchiveIsNotGgufAndTheMessageSaysWhatItStartsWith() throws IOException {
        GgufException e = failure(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});

        assertThat(e.problem()).isEqualTo(Problem.NOT_GGUF);
        assertThat(e.detail()).startsWith("not a GGUF file: it starts with 'PK..' (hex 50 4b 03 04)")
                .contains("ZIP archive");
        assertThat(e.offset()).isZero();
    }

    @Test
    void aGitLfsPointerIsRecognised() throws IOException {
        GgufException e = failure("version https://git-lfs.github.com/spec/v1\noid sha256:abc\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(e.detail()).contains("Git LFS pointer");
    }

    @Test
    void anHtmlErrorPageIsRecognised() throws IOException {
        assertThat(failure("<!DOCTYPE html><html>".getBytes(StandardCharsets.US_ASCII)).detail())
                .contains("HTML");
    }

    @Test
    void emptyAndTinyFilesAreNotGguf() throws IOException {
        assertThat(failure(new byte[0]).detail()).isEqualTo("not a GGUF file: it is empty");
        assertThat(failure(new byte[]{'G', 'G'}).detail()).isEqualTo("not a GGUF file: it is only 2 bytes long");
    }

    @Test
    void versionOneIsRefusedWithAdvice() throws IOException {
        GgufException e = failure(RawGguf.header(1, 0, 0));

        assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_VERSION);
        assertThat(e.detail()).contains("version 1 is no longer supported");
        assertThat(e.offset()).isEqualTo(4);
    }

    @Test
    void aFutureVersionIsRefused() throws IOException {
        assertThat(failure(RawGguf.header(4, 0, 0)).detail())
                .isEqualTo("unsupported GGUF version 4 (versions 2 and 3 are supported)");
    }

    @Test
    void aBigEndianFileIsRecognisedByItsVersion() throws IOException {
        assertThat(failure(RawGguf.header(0x03000000L, 0, 0)).detail()).contains("big-endian");
    }

    @Test
    void versionTwoIsRead() throws IOException {
        byte[] bytes = RawGguf.minimalModel().toBytes();
        bytes[4] = 2;

        assertThat(GgufReader.read(Files.write(dir.resolve("v2.gguf"), bytes)).version()).isEqualTo(2);
    }

    @Test
    void aHeaderCutInsideTheCountsIsTruncated() throws IOException {
        GgufException e = failure(new RawGguf().ascii("GGUF").u32(3).u32(1));

        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.detail()).contains("the tensor count needs 8 bytes but the file ends after 4");
        assertThat(e.offset()).isEqualTo(8);
    }

    @Test
    void aTensorCountAboveAMillionIsImplausible() throws IOException {
        GgufException e = failure(RawGguf.header(3, 2_000_000, 0).zeros(64));

        assertThat(e.problem()).isEqualTo(Problem.IMPLAUSIBLE_COUNT);
        assertThat(e.detail()).isEqualTo("tensor count 2000000 is implausible (at most 1000000 accepted)");
    }

    @Test
    void aNegativeEntryCountIsImplausible() throws IOException {
        assertThat(failure(RawGguf.header(3, 0, -1)).detail())
                .startsWith("metadata entry count 18446744073709551615 is implausible");
    }

    @Test
    void countsTheFileCannotHoldAreRefusedBeforeReadingEntries() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1000, 10).zeros(100));

        assertThat(e.problem()).isEqualTo(Problem.IMPLAUSIBLE_COUNT);
        assertThat(e.detail()).contains("1000 tensors and 10 metadata entries").contains("only 100 bytes follow");
    }

    @Test
    void aKeyLongerThanTheCapIsImplausible() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).u64(1L << 40).zeros(32));

        assertThat(e.problem()).isEqualTo(Problem.IMPLAUSIBLE_LENGTH);
        assertThat(e.detail()).contains("the key of metadata entry #0 claims a length of 1099511627776 bytes");
        assertThat(e.offset()).isEqualTo(24);
    }

    @Test
    void aStringLongerThanTheRestOfTheFileIsTruncated() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).string("general.name").u32(GgufType.STRING.code())
                .u64(500).ascii("short"));

        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.detail()).isEqualTo("file is truncated: the value of 'general.name' is 500 bytes long but "
                + "only 5 bytes remain");
    }

    @Test
    void anArrayLongerThanTheCapIsImplausible() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).string("tokenizer.ggml.tokens")
                .u32(GgufType.ARRAY.code()).u32(GgufType.STRING.code()).u64(1L << 40).zeros(16));

        assertThat(e.problem()).isEqualTo(Problem.IMPLAUSIBLE_LENGTH);
        assertThat(e.detail()).startsWith("array 'tokenizer.ggml.tokens' claims 1099511627776 elements");
    }

    @Test
    void anArrayLongerThanTheRestOfTheFileIsTruncated() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).string("scores").u32(GgufType.ARRAY.code())
                .u32(GgufType.FLOAT32.code()).u64(1000).zeros(40));

        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.detail()).contains("array 'scores' of 1000 FLOAT32 elements needs at least 4000 bytes");
    }

    @Test
    void aStringInsideAnArrayBeyondTheFileIsTruncatedAndNamesItsIndex() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).string("tokenizer.ggml.tokens")
                .u32(GgufType.ARRAY.code()).u32(GgufType.STRING.code()).u64(2).string("a").u64(99).zeros(4));

        assertThat(e.detail()).contains("element 1 of array 'tokenizer.ggml.tokens' is 99 bytes long");
    }

    @Test
    void anUnknownValueTypeIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).string("general.name").u32(13).zeros(16));

        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_VALUE_TYPE);
        assertThat(e.detail()).isEqualTo("metadata 'general.name' has unknown value type 13 (GGUF types are 0 to 12)");
        assertThat(e.offset()).isEqualTo(24 + 8 + "general.name".length());
    }

    @Test
    void anUnknownArrayElementTypeIsRefused() throws IOException {
        assertThat(failure(RawGguf.header(3, 0, 1).string("list").u32(GgufType.ARRAY.code()).u32(77).u64(0))
                .detail()).isEqualTo("array 'list' has unknown element type 77 (GGUF types are 0 to 12)");
    }

    @Test
    void emptyAndDuplicateKeysAreRefused() throws IOException {
        assertThat(failure(RawGguf.header(3, 0, 1).kvString("", "x")).problem()).isEqualTo(Problem.INVALID_NAME);
        GgufException duplicate = failure(RawGguf.header(3, 0, 2).kvString("general.name", "a")
                .kvString("general.name", "b"));
        assertThat(duplicate.problem()).isEqualTo(Problem.DUPLICATE);
        assertThat(duplicate.detail()).isEqualTo("metadata key 'general.name' appears twice");
    }

    @Test
    void arraysNestedTooDeepAreRefused() throws IOException {
        RawGguf raw = RawGguf.header(3, 0, 1).string("deep");
        raw.u32(GgufType.ARRAY.code());
        for (int depth = 0; depth < 10; depth++) {
            raw.u32(GgufType.ARRAY.code()).u64(1);
        }
        raw.u32(GgufType.UINT8.code()).u64(0);

        GgufException e = failure(raw);
        assertThat(e.problem()).isEqualTo(Problem.NESTING_TOO_DEEP);
        assertThat(e.detail()).contains("nests arrays more than 8 deep");
    }

    @Test
    void nestedArraysAreReadButLlamaCppWouldRefuseThem() throws IOException {
        Path file = RawGguf.header(3, 0, 2).kvString("general.architecture", "llama").string("pairs")
                .u32(GgufType.ARRAY.code()).u32(GgufType.ARRAY.code()).u64(2)
                .u32(GgufType.INT32.code()).u64(2).u32(1).u32(2)
                .u32(GgufType.STRING.code()).u64(1).string("x")
                .write(dir, "nested.gguf");

        GgufArray pairs = GgufReader.readStructure(file).getArray("pairs").orElseThrow();
        assertThat(pairs.arrayAt(0).longAt(1)).isEqualTo(2);
        assertThat(pairs.arrayAt(1).stringAt(0)).isEqualTo("x");
        GgufException e = catchThrowableOfType(GgufException.class, () -> GgufReader.read(file));
        assertThat(e.problem()).isEqualTo(Problem.NOT_LOADABLE);
        assertThat(e.detail()).contains("'pairs' is an array of arrays");
    }

    @Test
    void anUnknownTensorTypeIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32}, 99, 0).padTo(32).zeros(256));

        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_TENSOR_TYPE);
        assertThat(e.detail()).isEqualTo("tensor 'w' has unknown ggml type 99 (the bundled llama.cpp knows types "
                + "up to 40)");
    }

    @Test
    void aRemovedTensorTypeIsNamed() throws IOException {
        assertThat(failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32}, 31, 0).padTo(32).zeros(256))
                .detail()).contains("type 31 (Q4_0_4_4), which was removed from GGUF files");
    }

    @Test
    void zeroAndNegativeDimensionsAreRefused() throws IOException {
        GgufException zero = failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32, 0}, 0, 0).padTo(32));
        assertThat(zero.problem()).isEqualTo(Problem.INVALID_SHAPE);
        assertThat(zero.detail()).isEqualTo("tensor 'w' has dimension 1 of 0; every dimension must be at least 1");

        assertThat(failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{-32}, 0, 0).padTo(32)).detail())
                .contains("dimension 0 of -32");
    }

    @Test
    void anElementCountOverflowingSixtyFourBitsIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1, 0)
                .tensor("w", new long[]{1L << 32, 1L << 32}, 0, 0).padTo(32));

        assertThat(e.problem()).isEqualTo(Problem.INVALID_SHAPE);
        assertThat(e.detail()).contains("overflows 64 bits");
    }

    @Test
    void aByteSizeOverflowingSixtyFourBitsIsRefused() throws IOException {
        assertThat(failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{1L << 62}, 0, 0).padTo(32)).detail())
                .contains("byte size that overflows 64 bits");
    }

    @Test
    void moreThanFourDimensionsAreRefused() throws IOException {
        assertThat(failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{1, 1, 1, 1, 1}, 0, 0).padTo(32))
                .detail()).isEqualTo("tensor 'w' has 5 dimensions; GGUF allows at most 4");
    }

    @Test
    void rowsThatAreNotWholeBlocksAreRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{33, 2}, GgmlType.Q4_0.code(), 0)
                .padTo(32).zeros(64));

        assertThat(e.problem()).isEqualTo(Problem.INVALID_SHAPE);
        assertThat(e.detail()).isEqualTo("tensor 'w' of type Q4_0 has rows of 33 elements, not a multiple of the "
                + "type's block size 32");
    }

    @Test
    void aDuplicateTensorNameIsRefused() throws IOException {
        assertThat(failure(RawGguf.header(3, 2, 0).tensor("w", new long[]{32}, 0, 0)
                .tensor("w", new long[]{32}, 0, 128).padTo(32).zeros(256)).detail())
                .isEqualTo("tensor name 'w' appears twice");
    }

    @Test
    void aMisalignedTensorOffsetIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32}, 0, 8).padTo(32).zeros(256));

        assertThat(e.problem()).isEqualTo(Problem.MISALIGNED_TENSOR);
        assertThat(e.detail()).isEqualTo("tensor 'w' has data offset 8, not a multiple of the alignment 32");
        assertThat(e.offset()).isEqualTo(24 + 8 + 1 + 4 + 8 + 4);
    }

    @Test
    void aTensorRunningPastTheEndOfTheFileIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32, 2}, 0, 0).padTo(32).zeros(200));

        assertThat(e.problem()).isEqualTo(Problem.TENSOR_OUT_OF_BOUNDS);
        assertThat(e.detail()).startsWith("tensor 'w' (F32, 32x2, 256 bytes) at data offset 0 runs past the end")
                .contains("truncated");
    }

    @Test
    void anOffsetNearTheTopOfTheRangeIsOutOfBoundsNotAnOverflow() throws IOException {
        assertThat(failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32}, 0, Long.MAX_VALUE - 31).padTo(32)
                .zeros(128)).problem()).isEqualTo(Problem.TENSOR_OUT_OF_BOUNDS);
        assertThat(failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32}, 0, -32).padTo(32).zeros(128))
                .problem()).isEqualTo(Problem.TENSOR_OUT_OF_BOUNDS);
    }

    @Test
    void overlappingTensorsAreRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 2, 0).tensor("a", new long[]{64}, 0, 0)
                .tensor("b", new long[]{32}, 0, 128).padTo(32).zeros(512));

        assertThat(e.problem()).isEqualTo(Problem.OVERLAPPING_TENSORS);
        assertThat(e.detail()).isEqualTo("tensors 'a' (data bytes 0 to 256) and 'b' (from data byte 128) overlap");
    }

    @Test
    void aDataSectionStartingPastTheEndIsTruncated() throws IOException {
        GgufException e = failure(RawGguf.header(3, 1, 0).tensor("w", new long[]{32}, 0, 0));

        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.detail()).contains("the tensor data section would start at byte 64");
    }

    @Test
    void theAlignmentKeyIsHonoured() throws IOException {
        Path file = RawGguf.header(3, 2, 2).kvString("general.architecture", "llama")
                .kvU32("general.alignment", 256)
                .tensor("a", new long[]{32}, 0, 0).tensor("b", new long[]{32}, 0, 256).padTo(256).zeros(512)
                .write(dir, "aligned.gguf");

        GgufFile gguf = GgufReader.read(file);
        assertThat(gguf.alignment()).isEqualTo(256);
        assertThat(gguf.dataStart() % 256).isZero();
    }

    @Test
    void anAlignmentThatIsNotAPowerOfTwoIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).kvU32("general.alignment", 48));

        assertThat(e.problem()).isEqualTo(Problem.INVALID_ALIGNMENT);
        assertThat(e.detail()).isEqualTo("general.alignment 48 is not a power of two up to 2^30");
    }

    @Test
    void anAlignmentOfTheWrongTypeIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).kvString("general.alignment", "32"));

        assertThat(e.problem()).isEqualTo(Problem.WRONG_VALUE_TYPE);
        assertThat(e.detail()).isEqualTo("general.alignment must be a UINT32 but is STRING");
    }

    @Test
    void aMissingArchitectureIsRefusedButTheStructureStillReads() throws IOException {
        Path file = RawGguf.header(3, 0, 1).kvString("general.name", "nameless").write(dir, "noarch.gguf");

        GgufException e = failure(RawGguf.header(3, 0, 1).kvString("general.name", "nameless"));
        assertThat(e.problem()).isEqualTo(Problem.MISSING_ARCHITECTURE);
        assertThat(e.detail()).isEqualTo("general.architecture is missing: llama.cpp cannot tell which model this is");
        assertThat(e.offset()).isEqualTo(-1);
        assertThat(GgufReader.readStructure(file).name()).contains("nameless");
    }

    @Test
    void anArchitectureOfTheWrongTypeIsRefused() throws IOException {
        assertThat(failure(RawGguf.header(3, 0, 1).kvU32("general.architecture", 7)).detail())
                .isEqualTo("general.architecture must be a STRING but is UINT32");
    }

    @Test
    void anUnsupportedArchitectureIsRefused() throws IOException {
        GgufException e = failure(RawGguf.header(3, 0, 1).kvString("general.architecture", "llama9"));

        assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_ARCHITECTURE);
        assertThat(e.detail()).isEqualTo("architecture 'llama9' is not supported by the bundled "
                + LlamaCppCompatibility.PINNED_LLAMA_CPP);
    }

    @Test
    void aVisionProjectorIsExplained() throws IOException {
        assertThat(failure(RawGguf.header(3, 0, 1).kvString("general.architecture", "clip")).detail())
                .contains("vision projector (mmproj)");
    }

    @Test
    void aTensorNameTooLongForLlamaCppIsRefused() throws IOException {
        String name = "x".repeat(64);
        GgufException e = failure(RawGguf.header(3, 1, 1).kvString("general.architecture", "llama")
                .tensor(name, new long[]{32}, 0, 0).padTo(32).zeros(128));

        assertThat(e.problem()).isEqualTo(Problem.NOT_LOADABLE);
        assertThat(e.detail()).contains("is 64 bytes long; llama.cpp allows at most 63");
    }

    @Test
    void tensorsOutOfHeaderOrderAreWellFormedButNotLoadable() throws IOException {
        Path file = RawGguf.header(3, 2, 1).kvString("general.architecture", "llama")
                .tensor("a", new long[]{32}, 0, 128).tensor("b", new long[]{32}, 0, 0).padTo(32).zeros(256)
                .write(dir, "reordered.gguf");

        assertThat(GgufReader.readStructure(file).tensors()).hasSize(2);
        GgufException e = catchThrowableOfType(GgufException.class, () -> GgufReader.read(file));
        assertThat(e.problem()).isEqualTo(Problem.NOT_LOADABLE);
        assertThat(e.detail()).startsWith("tensor 'a' starts at data offset 128 where llama.cpp expects 0");
    }

    @Test
    void theSupportedArchitecturesIncludeTheCommonFamilies() {
        assertThat(LlamaCppCompatibility.supportedArchitectures()).contains("llama", "qwen2", "qwen3", "qwen2moe",
                "qwen3moe", "gemma", "gemma2", "gemma3", "phi3", "mistral3", "deepseek2", "granite", "olmo2",
                "smollm3", "exaone", "command-r", "starcoder2", "gpt2", "falcon", "bloom", "mpt", "stablelm",
                "minicpm", "internlm2", "glm4", "gpt-oss").doesNotContain("clip", "(unknown)");
    }
}
