package io.thoughtscope.reasoning.traces;

import java.io.IOException;
import java.io.InputStream;

/** Opens the same bytes again: sniffing, then reading, may each need a fresh stream. */
@FunctionalInterface
interface ByteSource {
    InputStream open() throws IOException;
}
