package io.thoughtscope.runtime.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Reads the model's description string ("qwen2 1.5B Q4_0") for its architecture and quantization. */
final class ModelDescription {

    private ModelDescription() {
    }

    static String describe(LlamaApi api, MemorySegment model) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(256);
            int n = (int) api.modelDesc.invokeExact(model, buf, 256L);
            return n <= 0 ? "" : buf.getString(0);
        } catch (Throwable t) {
            return "";
        }
    }

    static String architecture(LlamaApi api, MemorySegment model) {
        String d = describe(api, model);
        int sp = d.indexOf(' ');
        return sp < 0 ? d : d.substring(0, sp);
    }

    static String quantization(LlamaApi api, MemorySegment model) {
        String d = describe(api, model);
        int sp = d.lastIndexOf(' ');
        return sp < 0 ? "" : d.substring(sp + 1);
    }
}
