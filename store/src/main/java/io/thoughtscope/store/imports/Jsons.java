package io.thoughtscope.store.imports;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** JSON reading for the importers (NaN and Infinity allowed: Python writes them) and import keys. */
final class Jsons {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private Jsons() {
    }

    /** A text field, or null. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** A content value as text: a string, or the text parts of an array of {type, text} parts. */
    static String content(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : v) {
                String t = part.isTextual() ? part.textValue() : text(part, "text");
                if (t != null) {
                    sb.append(t);
                }
            }
            return sb.toString();
        }
        return null;
    }

    /** A stable key for content: the same record imported twice gets the same key. */
    static String key(String kind, String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(kind.getBytes(StandardCharsets.UTF_8));
            for (String p : parts) {
                md.update((byte) 0);
                md.update((p == null ? "\u0001null" : p).getBytes(StandardCharsets.UTF_8));
            }
            return kind + ":" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    static String key(String kind, byte[] content) {
        try {
            return kind + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
