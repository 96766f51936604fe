package io.thoughtscope.runtime.gguf;

import java.nio.charset.StandardCharsets;

/** Says what a file that is not GGUF looks like, so that the message points at the real mistake. */
final class FileSniffer {
    private FileSniffer() {
    }

    /** The first four bytes as text and hex, e.g. {@code 'PK..' (hex 50 4b 03 04)}. */
    static String describe(byte[] start) {
        int count = Math.min(4, start.length);
        StringBuilder text = new StringBuilder("'");
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int b = start[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", b));
        }
        return text.append("' (hex ").append(hex).append(')').toString();
    }

    /** A short guess at what the file is, starting with ", ", or empty. */
    static String hint(byte[] start) {
        String ascii = new String(start, StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("version https://git-lfs")) {
            return ", a Git LFS pointer rather than the model itself (fetch it with git lfs pull)";
        }
        if (ascii.startsWith("PK\u0003\u0004")) {
            return ", a ZIP archive (a PyTorch checkpoint or a packed download?)";
        }
        if (ascii.startsWith("tjgg") || ascii.startsWith("lmgg") || ascii.startsWith("fmgg")) {
            return ", an old GGML/GGJT model from before GGUF (convert it with a current llama.cpp)";
        }
        if (start.length > 8 && start[8] == '{' && (start[7] | start[6] | start[5]) == 0) {
            return ", a safetensors file (convert it to GGUF first)";
        }
        String trimmed = ascii.stripLeading();
        if (trimmed.startsWith("<")) {
            return ", HTML or XML text (an error page saved in place of the download?)";
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return ", JSON text";
        }
        return "";
    }
}
