package io.thoughtscope.runtime.llama;

import java.nio.file.Path;

/**
 * One set of llama.cpp libraries built for one backend (they cannot be mixed in a process).
 *
 * @param backend   what the set computes on
 * @param directory the folder holding libllama, libggml, libggml-base and the backend plug-ins
 */
public record NativeSet(Backend backend, Path directory) {
}
