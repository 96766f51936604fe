package io.thoughtscope.store.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.store.Annotation;
import io.thoughtscope.store.RunSummary;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoreException;
import io.thoughtscope.store.StoredAnalysis;
import io.thoughtscope.store.StoredRun;
import io.thoughtscope.store.TracePointer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes stored runs in formats other tools read: JSONL (one run per line, OpenAI-style
 * {@code messages} with {@code reasoning_content}, optional per-token data), CSV of their figures,
 * and a self-contained Markdown report. A run is exported along its main path: the chosen
 * branch, or the last answer, or the last leaf.
 */
public final class Exporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    public Exporter(Store store) {
        this.store = store;
    }

    /** One run as the exporters see it: its session, summary, tree, main path and analyses. */
    record RunView(Session session, RunSummary summary, StoredRun stored, Store.TraceText trace, List<Node> path,
                   List<StoredAnalysis> analyses, List<Message> messages, StoredAnalysis mainAnalysis) {}

    /** One chat message of the main path; {@code thinking} is null for user turns and answers without it. */
    record Message(String role, String content, String thinking) {}

    RunView view(String runId) {
        StoredRun stored = store.loadRun(runId).orElseThrow(() ->
                new StoreException(StoreException.Reason.NOT_FOUND, "No run " + runId + " is stored."));
        Session session = store.session(stored.summary().sessionId()).orElseThrow();
        Store.TraceText trace = store.traceText(TracePointer.main(runId));
        List<Node> path = stored.tree().path(stored.tree().node(trace.leaf()));
        List<StoredAnalysis> analyses = store.analyses(runId);
        List<Message> messages = new ArrayList<>();
        StoredAnalysis main = null;
        int i = 0;
        while (i < path.size()) {
            Node n = path.get(i);
            if (n.kind() == NodeKind.PROMPT || n.kind() == NodeKind.USER_MESSAGE) {
                if (!(n.isRoot() && n.text().isEmpty())) {
                    messages.add(new Message("user", n.text(), null));
                }
                i++;
                continue;
            }
            int from = i;
            StringBuilder text = new StringBuilder();
            while (i < path.size() && path.get(i).kind() != NodeKind.PROMPT && path.get(i).kind() != NodeKind.USER_MESSAGE) {
                text.append(path.get(i).text());
                i++;
            }
            int first = path.get(from).id();
            int last = path.get(i - 1).id();
            StoredAnalysis a = analyses.stream().filter(x -> x.firstNode() == first && x.lastNode() == last).findFirst()
                    .orElse(null);
            Trace t = a != null && a.analysis().trace().text().contentEquals(text) ? a.analysis().trace()
                    : ThinkingSplitter.split(text.toString());
            if (a != null) {
                main = a;
            }
            // as APIs give them: without the blank lines that surround the thinking inside its tags
            messages.add(new Message("assistant", t.answerText().strip(), t.hasThinking() ? t.thinkingText().strip() : null));
        }
        if (main == null && !analyses.isEmpty()) {
            main = analyses.getLast();
        }
        return new RunView(session, stored.summary(), stored, trace, path, analyses, messages, main);
    }

    // ---------------------------------------------------------------- JSONL

    /** One JSON object per run and line; {@code tokens} adds the main path's per-token data. */
    public void jsonl(List<String> runIds, boolean tokens, Writer out) throws IOException {
        for (String id : runIds) {
            RunView v = view(id);
            RunSummary s = v.summary();
            ObjectNode o = JSON.createObjectNode();
            o.put("id", s.id());
            o.put("session_id", v.session().id());
            o.put("title", v.session().title());
            o.put("created_at", v.session().createdAt().toString());
            o.put("model", s.model().name());
            o.put("engine", s.model().engine());
            o.put("backend", s.model().backend());
            o.put("strategy", s.strategy().name());
            ObjectNode params = o.putObject("parameters");
            s.strategy().parameters().forEach(params::put);
            o.put("seed", s.seed());
            o.put("status", s.status().name().toLowerCase(Locale.ROOT));
            o.put("started_at", s.startedAt().toString());
            if (s.finishedAt() != null) {
                o.put("finished_at", s.finishedAt().toString());
            }
            o.put("nodes", s.nodes());
            o.put("token_count", s.tokens());
            o.put("question", v.session().problem().question());
            if (v.session().problem().groundTruth() != null) {
                o.put("ground_truth", v.session().problem().groundTruth());
            }
            if (s.finalAnswer() != null) {
                o.put("final_answer", s.finalAnswer());
            }
            o.put("verdict", s.verdict().name().toLowerCase(Locale.ROOT));
            ArrayNode messages = o.putArray("messages");
            for (Message m : v.messages()) {
                ObjectNode mo = messages.addObject();
                mo.put("role", m.role());
                if (m.thinking() != null) {
                    mo.put("reasoning_content", m.thinking());
                }
                mo.put("content", m.content());
            }
            o.put("text", v.trace().text());
            if (v.mainAnalysis() != null) {
                ArrayNode moments = o.putArray("moments");
                for (Moment m : v.mainAnalysis().analysis().moments()) {
                    ObjectNode mo = moments.addObject();
                    mo.put("type", m.type().key());
                    mo.put("start", m.anchor().start());
                    mo.put("end", m.anchor().end());
                    ArrayNode ev = mo.putArray("evidence");
                    m.evidence().forEach(e -> ev.add(e.matched()));
                }
            }
            if (tokens) {
                ArrayNode ta = o.putArray("tokens");
                for (Token t : v.trace().tokens()) {
                    ObjectNode to = ta.addObject();
                    if (t.id() >= 0) {
                        to.put("id", t.id());
                    }
                    to.put("token", t.text());
                    putNumber(to, "logprob", t.logprob());
                    putNumber(to, "entropy", t.entropy());
                    if (t.timeNanos() >= 0) {
                        to.put("time_ms", t.timeNanos() / 1e6);
                    }
                    ArrayNode top = to.putArray("top_logprobs");
                    for (TopToken a : t.alternatives()) {
                        ObjectNode ao = top.addObject();
                        if (a.id() >= 0) {
                            ao.put("id", a.id());
                        }
                        ao.put("token", a.text());
                        putNumber(ao, "logprob", a.logprob());
                    }
                }
            }
            out.write(JSON.writeValueAsString(o));
            out.write('\n');
        }
        out.flush();
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    // ---------------------------------------------------------------- CSV

    /** One row of figures per run. */
    public void csv(List<String> runIds, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("session_id", "run_id", "title", "created_at", "model", "engine",
                "backend", "strategy", "parameters", "seed", "status", "started_at", "finished_at", "wall_seconds", "nodes",
                "tokens", "tokens_per_second", "prompt_tokens", "decoded_tokens", "ground_truth", "final_answer", "verdict",
                "words", "moments"));
        for (MomentType t : MomentType.values()) {
            header.add("moments_" + t.key());
        }
        row(out, header);
        for (String id : runIds) {
            RunSummary s = store.run(id).orElseThrow(() ->
                    new StoreException(StoreException.Reason.NOT_FOUND, "No run " + id + " is stored."));
            Session session = store.session(s.sessionId()).orElseThrow();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("session_id", session.id());
            r.put("run_id", s.id());
            r.put("title", session.title());
            r.put("created_at", session.createdAt());
            r.put("model", s.model().name());
            r.put("engine", s.model().engine());
            r.put("backend", s.model().backend());
            r.put("strategy", s.strategy().name());
            ObjectNode params = JSON.createObjectNode();
            s.strategy().parameters().forEach(params::put);
            r.put("parameters", params.toString());
            r.put("seed", s.seed());
            r.put("status", s.status().name().toLowerCase(Locale.ROOT));
            r.put("started_at", s.startedAt());
            r.put("finished_at", s.finishedAt());
            r.put("wall_seconds", s.wallTime().map(d -> String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0)).orElse(null));
            r.put("nodes", s.nodes());
            r.put("tokens", s.tokens());
            r.put("tokens_per_second", s.wallTime().isPresent() ? String.format(Locale.ROOT, "%.1f", s.tokensPerSecond()) : null);
            r.put("prompt_tokens", s.counters().promptTokens());
            r.put("decoded_tokens", s.counters().decodedTokens());
            r.put("ground_truth", session.problem().groundTruth());
            r.put("final_answer", s.finalAnswer());
            r.put("verdict", s.verdict().name().toLowerCase(Locale.ROOT));
            r.put("words", s.words() < 0 ? null : s.words());
            r.put("moments", s.words() < 0 ? null : s.momentCount());
            for (MomentType t : MomentType.values()) {
                r.put("moments_" + t.key(), s.words() < 0 ? null : s.moments(t));
            }
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                Object v = r.get(h);
                cells.add(v == null ? "" : v.toString());
            }
            row(out, cells);
        }
        out.flush();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled; rows end in CRLF. */
    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write("\r\n");
    }

    // ---------------------------------------------------------------- Markdown

    /** A report that stands alone: no links, no images, every run's thinking and answer in it. */
    public void markdown(List<String> runIds, String heading, Writer out) throws IOException {
        new MarkdownReport(this, store).write(runIds, heading, out);
    }

    List<Annotation> annotations(String sessionId) {
        return store.annotations(sessionId);
    }

    static String evidence(Moment m) {
        List<String> words = new ArrayList<>();
        for (Evidence e : m.evidence()) {
            words.add(e.matched());
        }
        return String.join(" … ", words);
    }
}
