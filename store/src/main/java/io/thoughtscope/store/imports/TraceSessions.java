package io.thoughtscope.store.imports;

import io.thoughtscope.reasoning.analysis.TokenAlignment;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.model.Ids;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.traces.TraceRecord;
import io.thoughtscope.store.SessionBundle;
import io.thoughtscope.store.Store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One analysed trace as a session: the question as the prompt, the model's output as the one
 * branch below it (with its tokens where they spell the text), and the analysis of that branch.
 * Shared by {@code import} and {@code analyze --save}.
 */
public final class TraceSessions {

    private TraceSessions() {
    }

    /** The key that makes a second import of the same record add nothing. */
    public static String key(TraceRecord r) {
        return Jsons.key("trace", r.id(), r.question(), r.trace().text(), r.groundTruth(), r.model());
    }

    /**
     * Stores a trace with its analysis unless it is stored already.
     *
     * @return true when it was added
     */
    public static boolean save(Store store, TraceRecord record, TraceAnalysis analysis) {
        return store.saveBundle(key(record), bundle(record, analysis));
    }

    public static SessionBundle bundle(TraceRecord r, TraceAnalysis analysis) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String question = r.question() == null ? "" : r.question();
        Session session = new Session(Ids.newId(), title(r), now, new Problem(question, r.groundTruth()));
        ReasoningTree tree = new ReasoningTree(question);
        tree.root().setStatus(NodeStatus.DONE);
        Trace trace = r.trace();
        Node branch = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "", 0);
        appendTrace(branch, trace.text(), trace.tokens());
        branch.setStatus(trace.isCutOff() ? NodeStatus.CUT_OFF : NodeStatus.DONE);
        if (analysis != null && analysis.finalAnswer() != null) {
            branch.setAnswer(analysis.finalAnswer());
        }
        tree.root().setChosen(true);
        branch.setChosen(true);
        Map<String, String> params = new TreeMap<>();
        params.put("source", r.source());
        params.put("record", r.id());
        Run run = new Run(Ids.newId(), session.id(), new ModelRef(r.model(), "", "import", ""),
                new StrategySpec("chain", params), 0, now, tree);
        List<SessionBundle.AnalysisOf> analyses = analysis == null ? List.of()
                : List.of(new SessionBundle.AnalysisOf(branch.id(), branch.id(), analysis));
        return new SessionBundle(session, List.of(new SessionBundle.RunBundle(run, RunStatus.COMPLETED, Counters.ZERO, null,
                analyses)), List.of(), false, List.of());
    }

    /** The first line of the question (80 characters at most), or the record's id. */
    static String title(TraceRecord r) {
        String q = r.question() == null ? "" : r.question().strip();
        if (q.isEmpty()) {
            return r.id();
        }
        int nl = q.indexOf('\n');
        String line = nl < 0 ? q : q.substring(0, nl).strip();
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /**
     * Appends a text with its tokens where they spell it (or a contiguous part of it); tokens that
     * do not fit the text are left out rather than stored wrong.
     */
    static void appendTrace(Node node, String text, List<Token> tokens) {
        TokenAlignment a = tokens.isEmpty() ? null : TokenAlignment.of(text, tokens);
        if (a == null) {
            node.appendText(text);
            return;
        }
        int start = a.spanOf(0).start();
        int end = a.spanOf(a.size() - 1).end();
        if (start > 0) {
            node.appendText(text.substring(0, start));
        }
        node.appendTokens(tokens);
        if (end < text.length()) {
            node.appendText(text.substring(end));
        }
    }
}
