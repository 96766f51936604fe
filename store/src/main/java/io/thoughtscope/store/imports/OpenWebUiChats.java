package io.thoughtscope.store.imports;

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
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.store.SessionBundle;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open WebUI chat exports ("Settings > Chats > Export Chats", {@code chat-export-<time>.json}):
 * a JSON array of chats as the {@code /api/v1/chats/all} endpoint returns them
 * ({@code ChatResponse}: {@code id, title, chat, created_at, updated_at, meta.tags, pinned, ...},
 * times in epoch seconds), or of bare {@code chat} objects (the older "legacy" export). The
 * {@code chat} holds the message tree: {@code history.messages} maps ids to messages with
 * {@code parentId}, {@code childrenIds}, {@code role}, {@code content}, {@code timestamp},
 * {@code model}; {@code history.currentId} is the branch on screen. Regenerated replies and
 * edited messages are siblings in that tree, so it becomes ours node for node: the first user
 * message is the prompt, assistant replies are branches, later user messages are user-message
 * nodes, the current branch is the chosen path. Reasoning that Open WebUI folded into a
 * {@code <details type="reasoning">} block (each line quoted with "> ", HTML-escaped in newer
 * versions) is turned back into {@code <think>} tags.
 *
 * <p>Sources: open-webui/open-webui {@code backend/open_webui/models/chats.py} (ChatResponse),
 * {@code src/lib/components/chat/Settings/Chats.svelte} (exportChats / importChats), and
 * {@code backend/open_webui/utils/middleware.py} (how reasoning blocks are serialised).
 */
final class OpenWebUiChats {

    private static final Pattern REASONING = Pattern.compile(
            "<details\\s+type=\"reasoning\"[^>]*>\\s*(?:<summary>.*?</summary>)?\\s*(.*?)\\s*</details>", Pattern.DOTALL);

    private OpenWebUiChats() {
    }

    /** Whether a JSON value is one exported chat. */
    static boolean looksLikeChat(JsonNode e) {
        JsonNode chat = e.has("chat") && e.get("chat").isObject() ? e.get("chat") : e;
        JsonNode history = chat.get("history");
        return history != null && history.isObject() && history.has("messages")
                || e.has("chat") && chat.has("messages") && chat.get("messages").isArray();
    }

    static String key(JsonNode element) {
        return Jsons.key("openwebui", Jsons.MAPPER.valueToTree(element).toString());
    }

    /** One message of the tree. */
    private record Message(String id, String parentId, List<String> children, String role, String content, long timestamp,
                           String model, boolean done) {}

    /**
     * A chat as a session with one run whose tree is the chat's message tree.
     *
     * @throws Malformed when the chat holds no usable message tree
     */
    static SessionBundle bundle(JsonNode element, int line, TraceAnalyzer analyzer) throws Malformed {
        if (!element.isObject()) {
            throw new Malformed(line, "a chat must be a JSON object, found " + element.getNodeType().name().toLowerCase());
        }
        JsonNode chat = element.has("chat") && element.get("chat").isObject() ? element.get("chat") : element;
        String title = firstText(element.get("title"), chat.get("title"), "Open WebUI chat");
        Map<String, Message> messages = messages(chat, line, title);
        if (messages.isEmpty()) {
            throw new Malformed(line, "chat '" + title + "' has no messages");
        }
        // roots in the order they were written; children by childrenIds, then by time
        List<Message> roots = new ArrayList<>();
        Map<String, List<Message>> children = new HashMap<>();
        for (Message m : messages.values()) {
            if (m.parentId() == null || !messages.containsKey(m.parentId())) {
                roots.add(m);
            } else {
                children.computeIfAbsent(m.parentId(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<String, List<Message>> e : children.entrySet()) {
            List<String> order = messages.get(e.getKey()).children();
            e.getValue().sort(Comparator.comparingInt((Message m) -> {
                int i = order.indexOf(m.id());
                return i < 0 ? Integer.MAX_VALUE : i;
            }).thenComparingLong(Message::timestamp));
        }
        roots.sort(Comparator.comparingLong(Message::timestamp));
        Message first = roots.stream().filter(m -> m.role().equals("user")).findFirst().orElse(null);
        long t0 = messages.values().stream().mapToLong(Message::timestamp).filter(t -> t > 0).min().orElse(0);

        String question = first == null ? "" : first.content();
        ReasoningTree tree = new ReasoningTree(question);
        tree.root().setStatus(NodeStatus.DONE);
        Map<String, Node> nodes = new HashMap<>();
        Set<String> placed = new HashSet<>();
        Deque<Map.Entry<Message, Node>> todo = new ArrayDeque<>();
        if (first != null) {
            nodes.put(first.id(), tree.root());
            placed.add(first.id());
            for (Message c : children.getOrDefault(first.id(), List.of())) {
                todo.add(Map.entry(c, tree.root()));
            }
        }
        for (Message r : roots) {
            if (r != first) {
                todo.add(Map.entry(r, tree.root())); // an edited first message: a sibling prompt under the first
            }
        }
        while (!todo.isEmpty()) {
            Map.Entry<Message, Node> e = todo.poll();
            Message m = e.getKey();
            if (!placed.add(m.id())) {
                throw new Malformed(line, "chat '" + title + "': message " + m.id() + " is reached twice (a cycle in parentId)");
            }
            NodeKind kind = m.role().equals("assistant") ? NodeKind.BRANCH : NodeKind.USER_MESSAGE;
            String text = m.role().equals("assistant") ? withThinkTags(m.content())
                    : m.role().equals("user") ? m.content() : "[" + m.role() + "] " + m.content();
            long created = m.timestamp() > 0 && t0 > 0 ? (m.timestamp() - t0) * 1_000_000_000L : 0;
            Node n = tree.addChild(e.getValue(), kind, 0, text, Math.max(0, created));
            n.setStatus(m.done() ? NodeStatus.DONE : NodeStatus.CUT_OFF);
            nodes.put(m.id(), n);
            for (Message c : children.getOrDefault(m.id(), List.of())) {
                todo.add(Map.entry(c, n));
            }
        }
        if (placed.size() < messages.size()) {
            throw new Malformed(line, "chat '" + title + "': " + (messages.size() - placed.size())
                    + " messages are not connected to the conversation (a cycle in parentId)");
        }
        // the branch on screen is the chosen path
        JsonNode history = chat.get("history");
        String current = history != null ? Jsons.text(history, "currentId") : null;
        Node chosen = current == null ? null : nodes.get(current);
        if (chosen == null) {
            chosen = tree.node(tree.size() - 1);
        }
        for (Node n = chosen; n != null; n = n.parent()) {
            n.setChosen(true);
        }

        Instant created = time(element.get("created_at"), chat.get("timestamp"), t0);
        Instant updated = time(element.get("updated_at"), null, messages.values().stream().mapToLong(Message::timestamp).max().orElse(0));
        String model = model(chat, messages);
        Map<String, String> params = new TreeMap<>();
        params.put("source", "open-webui");
        String chatId = Jsons.text(element, "id");
        if (chatId != null) {
            params.put("chat_id", chatId);
        }
        Session session = new Session(Ids.newId(), title, created, new Problem(question, null));
        Run run = new Run(Ids.newId(), session.id(), new ModelRef(model, "", "open-webui", ""),
                new StrategySpec("chat", params), 0, created, tree);
        // every reply analysed on its own; the chosen path's last reply last, so it is the run's answer
        List<SessionBundle.AnalysisOf> analyses = new ArrayList<>();
        SessionBundle.AnalysisOf main = null;
        for (Node n : tree.nodes()) {
            if (n.kind() == NodeKind.BRANCH && !n.text().isBlank()) {
                SessionBundle.AnalysisOf a = new SessionBundle.AnalysisOf(n.id(), n.id(),
                        analyzer.analyze(ThinkingSplitter.split(n.text()), null));
                if (n.isChosen() && (main == null || n.depth() > tree.node(main.lastNode()).depth())) {
                    if (main != null) {
                        analyses.add(main);
                    }
                    main = a;
                } else {
                    analyses.add(a);
                }
            }
        }
        if (main != null) {
            analyses.add(main);
        }
        List<String> tags = tags(element, chat);
        boolean pinned = element.path("pinned").asBoolean(false);
        return new SessionBundle(session, List.of(new SessionBundle.RunBundle(run, RunStatus.COMPLETED, Counters.ZERO,
                updated.isBefore(created) ? created : updated, analyses)), tags, pinned, List.of());
    }

    private static Map<String, Message> messages(JsonNode chat, int line, String title) throws Malformed {
        Map<String, Message> out = new LinkedHashMap<>();
        JsonNode history = chat.get("history");
        JsonNode map = history != null ? history.get("messages") : null;
        if (map != null && map.isObject() && !map.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : map.properties()) {
                out.put(e.getKey(), message(e.getKey(), e.getValue(), null, line, title));
            }
            return out;
        }
        JsonNode list = chat.get("messages");
        if (list != null && list.isArray()) {
            String previous = null;
            int i = 0;
            for (JsonNode m : list) {
                String id = Jsons.text(m, "id") != null ? Jsons.text(m, "id") : "message-" + i;
                Message msg = message(id, m, previous, line, title);
                out.put(id, msg);
                previous = id;
                i++;
            }
        }
        return out;
    }

    private static Message message(String id, JsonNode m, String previous, int line, String title) throws Malformed {
        if (!m.isObject()) {
            throw new Malformed(line, "chat '" + title + "': message " + id + " is not an object");
        }
        String role = Jsons.text(m, "role");
        if (role == null) {
            throw new Malformed(line, "chat '" + title + "': message " + id + " has no role");
        }
        String content = Jsons.content(m.get("content"));
        if (content == null) {
            throw new Malformed(line, "chat '" + title + "': message " + id + " has no text content");
        }
        String parent = m.has("parentId") ? Jsons.text(m, "parentId") : previous;
        List<String> children = new ArrayList<>();
        for (JsonNode c : m.path("childrenIds")) {
            if (c.isTextual()) {
                children.add(c.textValue());
            }
        }
        long ts = m.path("timestamp").asLong(0);
        if (ts > 100_000_000_000L) {
            ts /= 1000; // milliseconds in some versions
        }
        String model = Jsons.text(m, "model");
        return new Message(id, parent, children, role.strip().toLowerCase(java.util.Locale.ROOT), content, ts, model,
                m.path("done").asBoolean(true));
    }

    /** {@code <details type="reasoning">} blocks back to {@code <think>} tags, the quoting and escaping undone. */
    static String withThinkTags(String content) {
        Matcher m = REASONING.matcher(content);
        if (!m.find()) {
            return content;
        }
        StringBuilder sb = new StringBuilder();
        m.reset();
        while (m.find()) {
            StringBuilder thinking = new StringBuilder();
            for (String l : unescape(m.group(1)).split("\n", -1)) {
                String t = l.startsWith("> ") ? l.substring(2) : l.startsWith(">") ? l.substring(1) : l;
                if (!thinking.isEmpty()) {
                    thinking.append('\n');
                }
                thinking.append(t);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("<think>\n" + thinking.toString().strip() + "\n</think>\n\n"));
        }
        m.appendTail(sb);
        // one blank line between the thinking and the answer, however the export spaced them
        return sb.toString().strip().replaceAll("</think>\\s*\\n\\n", "</think>\n\n");
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String model(JsonNode chat, Map<String, Message> messages) {
        JsonNode models = chat.get("models");
        if (models != null && models.isArray() && !models.isEmpty() && models.get(0).isTextual()) {
            return models.get(0).textValue();
        }
        return messages.values().stream().map(Message::model).filter(x -> x != null && !x.isBlank()).findFirst().orElse("");
    }

    private static List<String> tags(JsonNode element, JsonNode chat) {
        List<String> out = new ArrayList<>();
        for (JsonNode source : List.of(element.path("meta").path("tags"), chat.path("tags"))) {
            for (JsonNode t : source) {
                String name = t.isTextual() ? t.textValue() : Jsons.text(t, "name");
                if (name != null && !name.isBlank() && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** Epoch seconds (or milliseconds, or nanoseconds: versions differ) as an instant. */
    private static Instant time(JsonNode primary, JsonNode secondary, long fallbackSeconds) {
        for (JsonNode n : new JsonNode[] {primary, secondary}) {
            if (n != null && n.isNumber() && n.asLong() > 0) {
                long v = n.asLong();
                if (v > 100_000_000_000_000L) {
                    return Instant.ofEpochMilli(v / 1_000_000);
                }
                if (v > 100_000_000_000L) {
                    return Instant.ofEpochMilli(v);
                }
                return Instant.ofEpochSecond(v);
            }
        }
        return fallbackSeconds > 0 ? Instant.ofEpochSecond(fallbackSeconds) : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String firstText(JsonNode a, JsonNode b, String fallback) {
        if (a != null && a.isTextual() && !a.textValue().isBlank()) {
            return a.textValue();
        }
        if (b != null && b.isTextual() && !b.textValue().isBlank()) {
            return b.textValue();
        }
        return fallback;
    }
}
