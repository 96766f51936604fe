package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;

import java.sql.Connection;
import java.sql.SQLException;

/** A run's final answer as its tree shows it: the deepest chosen node's answer, else the last answer node's. */
final class RunAnswers {

    private RunAnswers() {
    }

    static void write(Connection c, long runKey, ReasoningTree tree) throws SQLException {
        Answer best = null;
        int bestDepth = -1;
        Answer lastAnswerNode = null;
        for (Node n : tree.nodes()) {
            Answer a = n.answer().orElse(null);
            if (a == null) {
                continue;
            }
            if (n.isChosen() && n.depth() >= bestDepth) {
                best = a;
                bestDepth = n.depth();
            }
            if (n.kind() == NodeKind.ANSWER) {
                lastAnswerNode = a;
            }
        }
        Answer fin = best != null ? best : lastAnswerNode;
        if (fin != null) {
            Db.update(c, "UPDATE run SET final_answer = ?, verdict = ? WHERE key = ?", fin.raw(), fin.verdict().name(), runKey);
        }
    }
}
