package io.thoughtscope.reasoning.traces;

import java.io.IOException;
import java.io.InputStream;

/** A plain-text file is one trace, thinking marked with tags or not. */
final class PlainTextInput {

    private PlainTextInput() {
    }

    static void read(ByteSource source, Sink sink) throws IOException {
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readAllBytes();
        }
        Utf8.Scan scan = Utf8.scan(bytes, Utf8.bomLength(bytes), true);
        if (scan.errors() > 0) {
            sink.fileProblem("not UTF-8 text (byte 0x%02X at offset %d): a binary file or another encoding"
                    .formatted(bytes[scan.firstError()] & 0xFF, scan.firstError()));
            return;
        }
        String text = scan.text();
        if (text.isBlank()) {
            sink.fileProblem("empty file: no traces");
            return;
        }
        // Windows line ends would put '\r' into every paragraph the analyzer splits
        sink.plain(text.replace("\r\n", "\n"), sink.line(1));
    }
}
