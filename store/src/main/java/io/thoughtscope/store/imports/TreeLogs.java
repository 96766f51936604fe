package io.thoughtscope.store.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Ids;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.store.SessionBundle;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LLM Reasoners tree logs ({@code reasoners/visualization/tree_log.py} in maitrix-org/llm-reasoners,
 * written by {@code print(TreeLog.from_mcts_results(...))} or {@code json.dumps(log, cls=TreeLogEncoder)}):
 * <pre>
 * {"logs": [                                  one snapshot per MCTS iteration (one for beam search / DFS)
 *   {"nodes": {"0": {"id": 0, "data": {...}, "selected_edge": 0}, ...},
 *    "edges": {"0": {"id": 0, "source": 0, "target": 1, "data": {"Q": 0.8, "reward": 0.7, ...}}, ...}}
 * ]}
 * </pre>
 * Node data is the search state as the example's {@code node_data_factory} made it (RAP's math
 * examples give {@code {"question": sub-question, "answer": sub-answer}}); edge data holds
 * {@code Q}, {@code reward} and reward details for MCTS, {@code reward} and {@code action} for
 * beam search and DFS. The snapshots become one replayable tree: a node's iteration is the first
 * snapshot it appears in, its scores come from the last snapshot's edge into it (Q as the score,
 * reward as the reward), nodes gone from the last snapshot are pruned, and the last snapshot's
 * selected edges from the root are the chosen path. The log has no times: creation times follow
 * the order nodes appeared in.
 */
final class TreeLogs {

    private TreeLogs() {
    }

    /** One snapshot: its nodes and edges, where it starts in the file, and where each edge starts. */
    private record Snapshot(int line, JsonNode nodes, JsonNode edges, List<Integer> edgeLines) {

        int edgeLine(int index) {
            return index < edgeLines.size() ? edgeLines.get(index) : line;
        }
    }

    /** Reads the snapshots with the line each starts on, for messages. */
    static List<Snapshot> snapshots(JsonParser p) throws IOException, Malformed {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Malformed(1, "a tree log is a JSON object with a \"logs\" array");
        }
        List<Snapshot> out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (!name.equals("logs")) {
                p.skipChildren();
                continue;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new Malformed(p.currentTokenLocation().getLineNr(), "\"logs\" must be an array of snapshots");
            }
            out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(snapshot(p, out.size() + 1));
            }
        }
        if (out == null || out.isEmpty()) {
            throw new Malformed(1, "the tree log has no snapshots (no \"logs\" array, or an empty one)");
        }
        return out;
    }

    /** One snapshot, read field by field so that every edge's line is known. */
    private static Snapshot snapshot(JsonParser p, int number) throws IOException, Malformed {
        int line = p.currentTokenLocation().getLineNr();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new Malformed(line, "snapshot " + number + " is not an object");
        }
        JsonNode nodes = null;
        JsonNode edges = null;
        List<Integer> edgeLines = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("edges") && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
                boolean object = t == JsonToken.START_OBJECT;
                var container = object ? Jsons.MAPPER.createObjectNode() : Jsons.MAPPER.createArrayNode();
                JsonToken end = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
                while (true) {
                    JsonToken k = p.nextToken();
                    if (k == end) {
                        break;
                    }
                    String key = null;
                    if (object) {
                        key = p.currentName();
                        p.nextToken();
                    }
                    edgeLines.add(p.currentTokenLocation().getLineNr());
                    JsonNode edge = Jsons.MAPPER.readTree(p);
                    if (object) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) container).set(key, edge);
                    } else {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) container).add(edge);
                    }
                }
                edges = container;
            } else if (name.equals("nodes")) {
                nodes = Jsons.MAPPER.readTree(p);
            } else {
                p.skipChildren();
            }
        }
        if (nodes == null || !nodes.isObject() || edges == null) {
            throw new Malformed(line, "snapshot " + number + " has no \"nodes\" object and \"edges\"");
        }
        return new Snapshot(line, nodes, edges, edgeLines);
    }

    static SessionBundle bundle(List<Snapshot> snapshots, String fileName, TraceAnalyzer analyzer) throws Malformed {
        // node ids in the order they appeared; parents, edge data and node data from the latest snapshot holding them
        Map<Long, Integer> firstSeen = new LinkedHashMap<>();
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, JsonNode> nodeData = new HashMap<>();
        Map<Long, JsonNode> edgeData = new HashMap<>();
        Map<Long, Long> selected = new HashMap<>();
        Map<Long, Long> edgeTarget = new HashMap<>();
        Long root = null;
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            String at = "snapshot " + (i + 1);
            Map<Long, Long> parents = new HashMap<>();
            int edgeIndex = 0;
            for (JsonNode e : s.edges()) {
                int line = s.edgeLine(edgeIndex++);
                if (!e.path("source").canConvertToLong() || !e.path("target").canConvertToLong()) {
                    throw new Malformed(line, at + ": an edge without a numeric source and target");
                }
                long src = e.get("source").asLong();
                long tgt = e.get("target").asLong();
                if (!has(s.nodes(), src) || !has(s.nodes(), tgt)) {
                    throw new Malformed(line, at + ": edge " + e.path("id").asText("?") + " joins node " + src + " and "
                            + tgt + ", which the snapshot does not both have");
                }
                if (parents.put(tgt, src) != null) {
                    throw new Malformed(line, at + ": node " + tgt + " has two parents; a tree log holds trees");
                }
                edgeData.put(tgt, e.path("data"));
                if (e.has("id")) {
                    edgeTarget.put(e.get("id").asLong(), tgt);
                }
            }
            Long snapshotRoot = null;
            List<Long> ids = new ArrayList<>();
            for (Map.Entry<String, JsonNode> n : s.nodes().properties()) {
                JsonNode node = n.getValue();
                long id = node.path("id").canConvertToLong() ? node.get("id").asLong() : parseId(n.getKey(), s.line(), at);
                ids.add(id);
                if (!parents.containsKey(id)) {
                    if (snapshotRoot != null) {
                        throw new Malformed(s.line(), at + ": nodes " + snapshotRoot + " and " + id
                                + " both have no parent; a tree has one root");
                    }
                    snapshotRoot = id;
                }
                nodeData.put(id, node.path("data"));
                if (node.hasNonNull("selected_edge")) {
                    selected.put(id, node.get("selected_edge").asLong());
                } else {
                    selected.remove(id);
                }
            }
            if (snapshotRoot == null) {
                throw new Malformed(s.line(), at + ": every node has a parent (a cycle); a tree has a root");
            }
            if (root != null && !root.equals(snapshotRoot)) {
                throw new Malformed(s.line(), at + ": the root changed from node " + root + " to node " + snapshotRoot);
            }
            root = snapshotRoot;
            // parents before children within a snapshot, whatever order the file lists them in
            ids.sort(Long::compare);
            List<Long> order = new ArrayList<>();
            Map<Long, List<Long>> kids = new HashMap<>();
            for (long id : ids) {
                Long p = parents.get(id);
                if (p != null) {
                    kids.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
                }
            }
            java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>(List.of(snapshotRoot));
            while (!queue.isEmpty()) {
                long id = queue.poll();
                order.add(id);
                queue.addAll(kids.getOrDefault(id, List.of()));
            }
            if (order.size() != ids.size()) {
                throw new Malformed(s.line(), at + ": " + (ids.size() - order.size()) + " nodes are not connected to the root");
            }
            for (long id : order) {
                Long old = parent.get(id);
                Long now = parents.get(id);
                if (firstSeen.containsKey(id) && old != null && now != null && !old.equals(now)) {
                    throw new Malformed(s.line(), at + ": node " + id + " moved from parent " + old + " to " + now);
                }
                firstSeen.putIfAbsent(id, i);
                if (now != null) {
                    parent.put(id, now);
                }
            }
        }
        Snapshot last = snapshots.getLast();

        String question = text(nodeData.get(root), null);
        ReasoningTree tree = new ReasoningTree(question);
        Map<Long, Node> nodes = new HashMap<>();
        nodes.put(root, tree.root());
        int k = 0;
        for (Map.Entry<Long, Integer> e : firstSeen.entrySet()) {
            long id = e.getKey();
            if (id == root) {
                continue;
            }
            Node p = nodes.get(parent.get(id));
            String text = text(nodeData.get(id), edgeData.get(id));
            // a step per paragraph, so that a path reads (and is analysed) as the steps it is made of
            Node n = tree.addChild(p, NodeKind.THOUGHT_STEP, e.getValue(), text.isBlank() ? text : text.strip() + "\n\n",
                    ++k * 1_000_000L);
            nodes.put(id, n);
            JsonNode ed = edgeData.get(id);
            double q = number(ed, "Q");
            double reward = number(ed, "reward");
            if (!Double.isNaN(q) || !Double.isNaN(reward)) {
                n.setScores(new Scores(0, 0, 0, reward, q));
            }
            n.setStatus(has(last.nodes(), id) ? NodeStatus.DONE : NodeStatus.PRUNED);
        }
        tree.root().setStatus(NodeStatus.DONE);
        // the chosen path: selected edges from the root, as the visualizer highlights them
        Node tip = tree.root();
        tip.setChosen(true);
        long at = root;
        for (int guard = 0; guard < firstSeen.size() && selected.containsKey(at); guard++) {
            Long target = edgeTarget.get(selected.get(at));
            if (target == null || !nodes.containsKey(target)) {
                break;
            }
            at = target;
            tip = nodes.get(at);
            tip.setChosen(true);
        }

        boolean mcts = snapshots.size() > 1 || edgeData.values().stream().anyMatch(d -> d.has("Q"));
        boolean actions = edgeData.values().stream().anyMatch(d -> d.has("action"));
        Map<String, String> params = new TreeMap<>();
        params.put("source", "llm-reasoners");
        params.put("snapshots", String.valueOf(snapshots.size()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String title = question.isBlank() ? fileName : firstLine(question);
        Session session = new Session(Ids.newId(), title, now, new Problem(question, null));
        Run run = new Run(Ids.newId(), session.id(), new ModelRef("", "", "llm-reasoners", ""),
                new StrategySpec(mcts ? "mcts" : actions ? "beam" : "tree-search", params), 0, now, tree);
        List<SessionBundle.AnalysisOf> analyses = new ArrayList<>();
        if (tip != tree.root()) {
            List<Node> path = tree.path(tip);
            analyses.add(new SessionBundle.AnalysisOf(path.get(1).id(), tip.id(),
                    analyzer.analyze(ThinkingSplitter.split(tree.pathText(tip)), null)));
        }
        return new SessionBundle(session, List.of(new SessionBundle.RunBundle(run, RunStatus.COMPLETED, Counters.ZERO, null,
                analyses)), List.of(), false, List.of());
    }

    /** A node's text: RAP's sub-question and sub-answer, else the edge's action, else its state's text. */
    static String text(JsonNode data, JsonNode edge) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            data = Jsons.MAPPER.createObjectNode();
        }
        String q = firstText(data, "sub_question", "question", "main_question");
        String a = firstText(data, "sub_answer", "answer", "main_answer");
        if (q != null || a != null) {
            return q == null ? a : a == null ? q : q + "\n" + a;
        }
        String action = edge == null ? null : firstText(edge, "action");
        if (action != null) {
            return action;
        }
        String t = firstText(data, "text", "state", "content", "thought", "step");
        if (t != null) {
            return t;
        }
        if (data.isObject() && data.isEmpty()) {
            return "";
        }
        return data.toString();
    }

    private static String firstText(JsonNode o, String... names) {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v != null && v.isTextual()) {
                return v.textValue();
            }
        }
        return null;
    }

    private static double number(JsonNode o, String name) {
        JsonNode v = o == null ? null : o.get(name);
        return v != null && v.isNumber() ? v.doubleValue() : Double.NaN;
    }

    private static boolean has(JsonNode nodes, long id) {
        if (nodes.has(String.valueOf(id))) {
            return true;
        }
        for (JsonNode n : nodes) {
            if (n.path("id").canConvertToLong() && n.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    private static long parseId(String key, int line, String at) throws Malformed {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new Malformed(line, at + ": node '" + key + "' has no numeric id");
        }
    }

    private static String firstLine(String s) {
        String l = s.strip();
        int nl = l.indexOf('\n');
        l = nl < 0 ? l : l.substring(0, nl);
        return l.length() <= 80 ? l : l.substring(0, 79) + "…";
    }

    static String malformedJson(JacksonException e) {
        String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return "malformed JSON: " + m.replace('\n', ' ');
    }
}
