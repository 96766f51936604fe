package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON parser setup shared by the readers, and readable parse errors. */
final class Json {

    /**
     * NaN and Infinity are allowed because Python's json module writes them for logprobs; floats
     * are kept as BigDecimal with their trailing zeros so a ground truth {@code 12.50} reads as
     * written.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** Jackson embeds "[Source: ...; line: 1, column: 5]" in some messages. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private Json() {
    }

    /**
     * "malformed JSON: Unexpected character ('}' ...) at column 12"; with {@code withLine} the
     * line in the document is named too (whole documents), without it not (one JSONL line).
     */
    static String malformed(JacksonException e, boolean withLine) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        Matcher m = SOURCE.matcher(message.replace('\n', ' ').strip());
        message = m.replaceAll(r -> withLine ? "line " + r.group(1) + ", column " + r.group(2) : "column " + r.group(2));
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 0) {
            return "malformed JSON: " + message;
        }
        return "malformed JSON: " + message
                + (withLine ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : " at column " + at.getColumnNr());
    }
}
