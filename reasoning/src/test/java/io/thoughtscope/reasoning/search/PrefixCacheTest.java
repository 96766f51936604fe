package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Sequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefixCacheTest {

    private final ScriptedModel model = new ScriptedModel(c -> ScriptedModel.Dist.end(), List.of()).withMaxSequences(4);
    private final ReasoningTree tree = new ReasoningTree("prompt");
    private final PrefixCache cache = new PrefixCache(model, tree.root(), ScriptedModel.chars("prompt"));

    /** A node with its text as token ids, as a lane would record it. */
    private Node grow(Node parent, String text) {
        Node n = tree.addChild(parent, NodeKind.THOUGHT_STEP, 0, "");
        cache.track(n);
        for (char c : text.toCharArray()) {
            n.appendToken(new Token(c, String.valueOf(c), -0.1, List.of(), 0, 0));
            cache.record(n, c);
        }
        return n;
    }

    private static String text(Sequence s) {
        StringBuilder sb = new StringBuilder();
        for (int t : s.tokens()) {
            sb.append((char) t);
        }
        return sb.toString();
    }

    /** A sequence that holds the path to {@code leaf}, parked as a lane leaves it. */
    private Sequence parkAt(Node leaf) {
        Sequence s = cache.open(leaf.parent());
        model.append(s, cache.tokensOf(leaf));
        cache.park(s, leaf);
        return s;
    }

    @Test
    void aSequenceForANodeIsAForkCutBackToTheNodesEnd() {
        Node a = grow(tree.root(), "ab");
        Node b = grow(a, "cd");
        parkAt(b);
        assertThat(cache.end(a)).isEqualTo(8);
        Sequence atA = cache.open(a);
        assertThat(text(atA)).isEqualTo("promptab");
        assertThat(cache.uniqueTokens()).isEqualTo(10);
        assertThat(model.prefills()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedParkedSequenceGoesFirstAndThePromptsNever() {
        Node a = grow(tree.root(), "a");
        Node b = grow(tree.root(), "b");
        Node c = grow(tree.root(), "c");
        Sequence sa = parkAt(a);
        Sequence sb = parkAt(b);
        Sequence sc = parkAt(c);
        assertThat(cache.live()).isEqualTo(4);
        cache.open(a).tokens(); // a is the fork source, so the oldest other one (b) makes room
        assertThat(cache.isParked(sb)).isFalse();
        assertThat(cache.isParked(sa)).isTrue();
        assertThat(cache.isParked(sc)).isTrue();
        assertThat(cache.live()).isEqualTo(4);
        assertThat(model.liveSequences()).isEqualTo(4);
    }

    @Test
    void whenNothingLivePassesThroughANodeItsPathIsForcedFromTheNearestAncestorThatHasOne() {
        Node a = grow(tree.root(), "ab");
        Node b = grow(a, "cd");
        Node c = grow(b, "ef");
        // nothing parked below the root: the path is forced from the prompt
        Sequence s = cache.open(c);
        assertThat(text(s)).isEqualTo("promptabcdef");
        assertThat(model.prefills()).isEqualTo(1);
        cache.park(s, c);
        assertThat(text(cache.open(b))).isEqualTo("promptabcd");
    }

    @Test
    void aTreeReadBackIsTokenizedFromItsNodes() {
        ReasoningTree stored = new ReasoningTree("prompt");
        Node a = stored.addChild(stored.root(), NodeKind.BRANCH, 0, "");
        a.appendTokens(List.of(new Token('x', "x", -1, List.of(), 0, 0), new Token('y', "y", -1, List.of(), 0, 0)));
        Node edit = stored.addChild(a, NodeKind.INTERVENTION, 1, "Wait");
        PrefixCache reopened = new PrefixCache(model, stored.root(), ScriptedModel.chars("prompt"));
        assertThat(text(reopened.open(edit))).isEqualTo("promptxyWait");
        assertThat(reopened.end(edit)).isEqualTo(12);
    }

    @Test
    void releasingIsSafeForEvictedAndParkedSequencesAndTheRootStays() {
        Node a = grow(tree.root(), "a");
        Sequence s = parkAt(a);
        cache.release(s);
        cache.release(s);
        assertThat(cache.live()).isEqualTo(1);
        Sequence t = cache.open(a);
        Sequence u = cache.open(a);
        Sequence v = cache.open(a);
        assertThat(cache.canOpen()).isFalse();
        assertThatThrownBy(() -> cache.open(a)).hasMessageContaining("at most 4");
        cache.release(u);
        assertThat(cache.canOpen()).isTrue();
        cache.close();
        assertThat(model.liveSequences()).isZero();
        assertThatThrownBy(() -> cache.open(a)).hasMessageContaining("released");
        assertThat(List.of(t, v)).hasSize(2);
    }

    @Test
    void aModelWithOneSequenceCannotServeAStrategy() {
        ScriptedModel tiny = new ScriptedModel(c -> ScriptedModel.Dist.end(), List.of()).withMaxSequences(1);
        assertThatThrownBy(() -> new PrefixCache(tiny, tree.root(), ScriptedModel.chars("p")))
                .hasMessageContaining("at least 2 sequences");
    }
}
