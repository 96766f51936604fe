package io.thoughtscope.runtime.discovery;

/** Where a model file was found. */
public enum ModelSource {
    LM_STUDIO("lmstudio"), OLLAMA("ollama"), HUGGING_FACE("huggingface"), FOLDER("folder");

    private final String id;

    ModelSource(String id) {
        this.id = id;
    }

    /** A short stable name for settings and the command line. */
    public String id() {
        return id;
    }
}
