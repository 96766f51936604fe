package io.thoughtscope.store.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The kinds of files {@code thoughtscope import} reads. */
public enum ImportFormat {
    /** Reasoning traces in the shapes {@code analyze} reads (JSONL, JSON, plain text). */
    TRACES,
    /** An Open WebUI chat export: an array of chats whose message trees become our trees. */
    OPEN_WEBUI,
    /** An LLM Reasoners TreeLog: per-iteration snapshots of a search tree. */
    TREELOG;

    public String displayName() {
        return switch (this) {
            case TRACES -> "traces";
            case OPEN_WEBUI -> "Open WebUI chats";
            case TREELOG -> "LLM Reasoners tree log";
        };
    }

    public static ImportFormat fromKey(String key) {
        return switch (key.strip().toLowerCase(Locale.ROOT).replace("_", "-")) {
            case "traces", "jsonl", "trace" -> TRACES;
            case "openwebui", "open-webui", "owui" -> OPEN_WEBUI;
            case "treelog", "tree-log", "llm-reasoners", "reasoners" -> TREELOG;
            default -> throw new IllegalArgumentException("unknown import format '" + key
                    + "' (use traces, openwebui or treelog)");
        };
    }

    /**
     * Looks at the start of a file: an object whose first field is {@code logs} is a TreeLog; an
     * array whose first element is an Open WebUI chat ({@code chat.history} or {@code history}
     * with {@code messages}) is a chat export; everything else is read as traces.
     */
    public static ImportFormat detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser p = Jsons.MAPPER.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                JsonToken t = p.nextToken();
                return t == JsonToken.FIELD_NAME && "logs".equals(p.currentName()) ? TREELOG : TRACES;
            }
            if (first == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode element = Jsons.MAPPER.readTree(p);
                return OpenWebUiChats.looksLikeChat(element) ? OPEN_WEBUI : TRACES;
            }
            return TRACES;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return TRACES; // not one JSON document: JSONL or text, which the trace reader sorts out
        }
    }
}
