package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a stored tree: nodes in id order (so ids, parents and creation order come back as
 * they were), each node's text and tokens appended exactly as they interleaved (tokens at their
 * recorded offsets, the text between them as plain text), then scores, status, answer and the
 * chosen flag. Two queries, no per-node round trips.
 */
final class TreeLoader {

    private TreeLoader() {
    }

    /** One node row before it becomes a {@link Node}. */
    private record Row(int id, int parent, NodeKind kind, int iteration, long createdNanos, String text,
                       NodeStatus status, boolean chosen, Scores scores, Answer answer) {}

    /** The tokens of one node with their offsets. */
    private static final class NodeTokens {
        final List<Token> tokens = new ArrayList<>();
        int[] pos = new int[16];
    }

    /** Loads the tree of a run; call inside a read transaction so nodes and tokens agree. */
    static ReasoningTree load(Connection c, long runKey, String runId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id, kind, iteration, created_nanos, text, status, "
                + "chosen, visits, value_sum, votes, reward, score, answer FROM node WHERE run_key = ? ORDER BY id")) {
            ps.setLong(1, runKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int parent = rs.getInt(2);
                    if (rs.wasNull()) {
                        parent = -1;
                    }
                    Scores s = new Scores(rs.getInt(9), Db.realOrNaN(rs, 10), rs.getInt(11), Db.realOrNaN(rs, 12),
                            Db.realOrNaN(rs, 13));
                    rows.add(new Row(rs.getInt(1), parent, NodeKind.valueOf(rs.getString(3)), rs.getInt(4), rs.getLong(5),
                            rs.getString(6), NodeStatus.valueOf(rs.getString(7)), rs.getInt(8) != 0, s,
                            Json.answer(rs.getString(14))));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new StoreException(StoreException.Reason.DAMAGED, "Run " + runId + " has no nodes stored; its tree is lost.");
        }
        NodeTokens[] tokens = new NodeTokens[rows.size()];
        try (PreparedStatement ps = c.prepareStatement("SELECT node_id, first_idx, data FROM token_chunk WHERE run_key = ? "
                + "ORDER BY node_id, first_idx")) {
            ps.setLong(1, runKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int node = rs.getInt(1);
                    if (node < 0 || node >= tokens.length) {
                        continue; // tokens of a node that was never stored: nothing to hang them on
                    }
                    NodeTokens nt = tokens[node];
                    if (nt == null) {
                        nt = tokens[node] = new NodeTokens();
                    }
                    if (rs.getInt(2) != nt.tokens.size()) {
                        throw new StoreException(StoreException.Reason.DAMAGED, "The tokens of node " + node + " of run "
                                + runId + " have a gap; run 'thoughtscope db check'.");
                    }
                    nt.pos = TokenChunks.decode(rs.getBytes(3), nt.tokens, nt.pos);
                }
            }
        }

        Row root = rows.getFirst();
        if (root.id() != 0 || root.parent() != -1) {
            throw new StoreException(StoreException.Reason.DAMAGED, "Run " + runId + " has no root node stored; its tree is lost.");
        }
        ReasoningTree tree = new ReasoningTree(tokens[0] == null ? root.text() : "");
        fill(tree.root(), root.text(), tokens[0]);
        for (int i = 1; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.id() != i || r.parent() < 0 || r.parent() >= i) {
                throw new StoreException(StoreException.Reason.DAMAGED, "The tree of run " + runId
                        + " is damaged at node " + r.id() + "; run 'thoughtscope db check'.");
            }
            Node n = tree.addChild(tree.node(r.parent()), r.kind(), r.iteration(), tokens[i] == null ? r.text() : "",
                    r.createdNanos());
            fill(n, r.text(), tokens[i]);
        }
        for (Row r : rows) {
            Node n = tree.node(r.id());
            if (!r.scores().equals(Scores.NONE)) {
                n.setScores(r.scores());
            }
            n.setStatus(r.status());
            n.setChosen(r.chosen());
            if (r.answer() != null) {
                n.setAnswer(r.answer());
            }
        }
        return tree;
    }

    /** Appends text and tokens in the order they were produced. */
    private static void fill(Node n, String text, NodeTokens nt) {
        if (nt == null) {
            return; // the text went in with the node
        }
        int cur = 0;
        int i = 0;
        int count = nt.tokens.size();
        while (i < count) {
            int p = Math.max(nt.pos[i], cur);
            if (p > cur) {
                n.appendText(text.substring(cur, Math.min(p, text.length())));
                cur = p;
            }
            int j = i;
            int q = p;
            while (j < count && (j == i || nt.pos[j] == q)) {
                q += nt.tokens.get(j).text().length();
                j++;
            }
            n.appendTokens(nt.tokens.subList(i, j));
            cur = q;
            i = j;
        }
        if (cur < text.length()) {
            n.appendText(text.substring(cur));
        }
    }
}
