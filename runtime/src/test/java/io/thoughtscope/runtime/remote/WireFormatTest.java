package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces under the engine: event framing, chunk shapes, the piece vocabulary. */
class WireFormatTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<EventReader.Event> events(String wire, boolean ndjson) throws IOException {
        EventReader r = new EventReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)), ndjson);
        List<EventReader.Event> out = new ArrayList<>();
        EventReader.Event e;
        while ((e = r.next()) != null) {
            out.add(e);
        }
        return out;
    }

    @Test
    void serverSentEventsJoinDataLinesSkipCommentsAndAcceptAnyLineEnd() throws IOException {
        List<EventReader.Event> ev = events(": ping\r\n\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\ndata:[DONE]\n\nerror: {\"message\":\"x\"}\n\n", false);
        assertThat(ev).extracting(EventReader.Event::data).containsExactly("{\"a\":\n1}", "[DONE]", "{\"message\":\"x\"}");
        assertThat(ev.get(1).done()).isTrue();
        assertThat(ev.get(2).error()).as("older llama-server reports failures as error: lines").isTrue();
    }

    @Test
    void aLastEventWithoutItsBlankLineStillCounts() throws IOException {
        assertThat(events("data: {\"x\":1}", false)).extracting(EventReader.Event::data).containsExactly("{\"x\":1}");
    }

    @Test
    void newlineDelimitedJsonIsOneEventPerLine() throws IOException {
        assertThat(events("{\"response\":\"a\"}\n\n{\"response\":\"b\"}\n", true)).hasSize(2);
    }

    @Test
    void tokensThatDoNotSpellTheTextBecomeOnePieceWithTheirSummedLogprob() throws IOException {
        // vLLM writes a character split over byte tokens as "bytes:\xe2\x80" in logprobs, the text once whole
        String chunk = "{\"choices\":[{\"index\":0,\"text\":\"—\",\"logprobs\":{\"text_offset\":[0,0],"
                + "\"token_logprobs\":[-0.5,-0.25],\"tokens\":[\"bytes:\\\\xe2\\\\x80\",\"bytes:\\\\x94\"],"
                + "\"top_logprobs\":[null,null]},\"finish_reason\":null}]}";
        Chunks.Parsed p = Chunks.parse(JSON.readTree(chunk), Endpoint.COMPLETIONS);
        assertThat(p.pieces()).singleElement().satisfies(x -> {
            assertThat(x.text()).isEqualTo("—");
            assertThat(x.logprob()).isEqualTo(-0.75);
        });
    }

    @Test
    void llamaServerWritesLogOfZeroAsTheLowestFloat() throws IOException {
        String chunk = "{\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":{\"content\":[{\"id\":1,\"token\":\"a\",\"bytes\":[97],"
                + "\"logprob\":-0.1,\"top_logprobs\":[{\"id\":2,\"token\":\"b\",\"bytes\":[98],\"logprob\":-3.4028234663852886e38}]}]},"
                + "\"finish_reason\":null}]}";
        Chunks.Piece p = Chunks.parse(JSON.readTree(chunk), Endpoint.COMPLETIONS).pieces().getFirst();
        assertThat(p.alternatives().getFirst().logprob()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void errorBodiesOfEveryShapeGiveTheirMessage() {
        assertThat(ErrorBodies.message("{\"error\":{\"message\":\"a\",\"type\":\"t\"}}")).isEqualTo("a");
        assertThat(ErrorBodies.message("{\"object\":\"error\",\"message\":\"b\",\"code\":400}")).isEqualTo("b");
        assertThat(ErrorBodies.message("{\"error\":\"c\"}")).isEqualTo("c");
        assertThat(ErrorBodies.message("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
        assertThat(ErrorBodies.message("Bad Gateway")).isEqualTo("Bad Gateway");
    }

    @Test
    void thePieceVocabularyRoundTripsTextAndKeepsSpecialTagsWhole() {
        PieceVocabulary v = new PieceVocabulary(Set.of("<think>", "</think>", "<|im_end|>"));
        String text = "<think>\nLet's see: 12+30 = 42.</think>\n\n答案是 42<|im_end|>";
        int[] ids = v.tokenize(text, true, true);
        assertThat(v.detokenize(ids)).isEqualTo(text);
        assertThat(v.tokenize("</think>", false, true)).hasSize(1);
        assertThat(v.tokenize("</think>", false, false)).hasSizeGreaterThan(1);
        assertThat(v.tokenize("", true, false)).isEmpty();
        assertThat(v.isEndOfGeneration(PieceVocabulary.END)).isTrue();
        assertThat(v.intern(" world")).isEqualTo(v.intern(" world"));
    }

    @Test
    void aServerAddressLosesItsV1AndTrailingSlash() {
        assertThat(ServerSpec.of("a", "http://h:8000/v1/", null, null).baseUrl().toString()).isEqualTo("http://h:8000");
        assertThat(ServerSpec.of("a", "https://h/api", null, null).baseUrl().toString()).isEqualTo("https://h/api");
    }
}
