package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes nodes and tokens of a tree with prepared, batched statements. Used for whole trees
 * (import, {@code saveRun}) and for the batches of a live run ({@link RunRecorder}).
 */
final class TreeRows implements AutoCloseable {

    private static final int BATCH = 4096;

    private final PreparedStatement insertNode;
    private final PreparedStatement appendText;
    private final PreparedStatement updateMeta;
    private final PreparedStatement insertToken;
    private int pendingNodes;
    private int pendingTokens;

    TreeRows(Connection c) throws SQLException {
        insertNode = c.prepareStatement("INSERT INTO node (run_key, id, parent_id, kind, iteration, created_nanos, text, "
                + "status, chosen, visits, value_sum, votes, reward, score, answer) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        appendText = c.prepareStatement("UPDATE node SET text = text || ? WHERE run_key = ? AND id = ?");
        updateMeta = c.prepareStatement("UPDATE node SET status = ?, chosen = ?, visits = ?, value_sum = ?, votes = ?, "
                + "reward = ?, score = ?, answer = ? WHERE run_key = ? AND id = ?");
        insertToken = c.prepareStatement("INSERT INTO token_chunk (run_key, node_id, first_idx, count, data) VALUES (?,?,?,?,?)");
    }

    /** Writes every node and token of a tree as it is now. */
    void insertTree(long runKey, ReasoningTree tree) throws SQLException {
        for (Node n : tree.nodes()) {
            insertNodeWithTokens(runKey, n);
        }
        flush();
    }

    /**
     * Writes a node with the text and tokens it has now.
     *
     * @return {@code [text length, token count]} written
     */
    int[] insertNodeWithTokens(long runKey, Node n) throws SQLException {
        int count = n.tokenCount(); // before the text: the text then covers every counted token
        String text = n.text();
        insertNode(runKey, n, text);
        addTokens(runKey, n, 0, count);
        return new int[] {text.length(), count};
    }

    void insertNode(long runKey, Node n, String text) throws SQLException {
        PreparedStatement ps = insertNode;
        ps.setLong(1, runKey);
        ps.setInt(2, n.id());
        if (n.parent() == null) {
            ps.setNull(3, Types.INTEGER);
        } else {
            ps.setInt(3, n.parent().id());
        }
        ps.setString(4, n.kind().name());
        ps.setInt(5, n.iteration());
        ps.setLong(6, n.createdNanos());
        ps.setString(7, text);
        bindMeta(ps, 8, n);
        ps.addBatch();
        if (++pendingNodes >= BATCH) {
            flushNodes();
        }
    }

    void appendText(long runKey, int nodeId, String piece) throws SQLException {
        flushNodes();
        appendText.setString(1, piece);
        appendText.setLong(2, runKey);
        appendText.setInt(3, nodeId);
        appendText.executeUpdate();
    }

    void updateMeta(long runKey, Node n) throws SQLException {
        flushNodes();
        bindMeta(updateMeta, 1, n);
        updateMeta.setLong(9, runKey);
        updateMeta.setInt(10, n.id());
        updateMeta.executeUpdate();
    }

    /** Tokens {@code [from, to)} of a node, in chunks of at most {@link TokenChunks#MAX}. */
    void addTokens(long runKey, Node n, int from, int to) throws SQLException {
        for (int start = from; start < to; start += TokenChunks.MAX) {
            int end = Math.min(to, start + TokenChunks.MAX);
            List<Token> tokens = new ArrayList<>(end - start);
            int[] pos = new int[end - start];
            for (int i = start; i < end; i++) {
                tokens.add(n.token(i));
                pos[i - start] = n.tokenStart(i);
            }
            PreparedStatement ps = insertToken;
            ps.setLong(1, runKey);
            ps.setInt(2, n.id());
            ps.setInt(3, start);
            ps.setInt(4, end - start);
            ps.setBytes(5, TokenChunks.encode(tokens, pos, 0, tokens.size()));
            ps.addBatch();
            if (++pendingTokens >= 64) {
                flushTokens();
            }
        }
    }

    void flush() throws SQLException {
        flushNodes();
        flushTokens();
    }

    private void flushNodes() throws SQLException {
        if (pendingNodes > 0) {
            pendingNodes = 0;
            insertNode.executeBatch();
        }
    }

    private void flushTokens() throws SQLException {
        if (pendingTokens > 0) {
            pendingTokens = 0;
            insertToken.executeBatch();
        }
    }

    private static void bindMeta(PreparedStatement ps, int at, Node n) throws SQLException {
        Scores s = n.scores();
        ps.setString(at, n.status().name());
        ps.setInt(at + 1, n.isChosen() ? 1 : 0);
        ps.setInt(at + 2, s.visits());
        Db.setReal(ps, at + 3, s.valueSum());
        ps.setInt(at + 4, s.votes());
        Db.setReal(ps, at + 5, s.reward());
        Db.setReal(ps, at + 6, s.score());
        ps.setString(at + 7, Json.answer(n.answer().orElse(null)));
    }

    @Override
    public void close() throws SQLException {
        try (insertNode; appendText; updateMeta; insertToken) {
            // closed in reverse order by try-with-resources
        }
    }
}
