package io.thoughtscope.reasoning.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of many phrases in one pass (Aho-Corasick compiled to a dense
 * automaton). Matching is on case-folded characters, see {@link #fold(char)}; whole-word checks
 * are left to the caller, who knows which phrases need them.
 */
final class PhraseMatcher {

    /** Receives one match: the phrase index and its span in the text. */
    @FunctionalInterface
    interface Sink {
        void match(int phrase, int start, int end);
    }

    private final char[] classOf = new char[65536];
    private final int alphabet;
    private final int[] next;          // state * alphabet + class -> state
    private final int[][] outputs;     // phrases ending in a state (failure links resolved)
    private final int[] lengths;

    PhraseMatcher(List<String> phrases) {
        lengths = new int[phrases.size()];
        int cls = 1; // class 0: a character no phrase contains
        for (String p : phrases) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (char) cls++;
                }
            }
        }
        alphabet = cls;

        // trie
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new int[alphabet]);
        out.add(new ArrayList<>());
        for (int pi = 0; pi < phrases.size(); pi++) {
            String p = phrases.get(pi);
            lengths[pi] = p.length();
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                int c = classOf[p.charAt(i)];
                if (trie.get(s)[c] == 0) {
                    trie.add(new int[alphabet]);
                    out.add(new ArrayList<>());
                    trie.get(s)[c] = trie.size() - 1;
                }
                s = trie.get(s)[c];
            }
            out.get(s).add(pi);
        }

        // failure links by breadth-first search, turning the trie into a full automaton
        int states = trie.size();
        next = new int[states * alphabet];
        int[] fail = new int[states];
        outputs = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < alphabet; c++) {
            int t = trie.get(0)[c];
            next[c] = t;
            if (t != 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        outputs[0] = new int[0];
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<Integer> o = new ArrayList<>(out.get(s));
            for (int x : outputs[fail[s]]) {
                o.add(x);
            }
            outputs[s] = o.stream().mapToInt(Integer::intValue).toArray();
            for (int c = 0; c < alphabet; c++) {
                int t = trie.get(s)[c];
                if (t != 0) {
                    fail[t] = next[fail[s] * alphabet + c];
                    next[s * alphabet + c] = t;
                    queue.add(t);
                } else {
                    next[s * alphabet + c] = next[fail[s] * alphabet + c];
                }
            }
        }
    }

    /** Reports every phrase occurrence in {@code text[from, to)} in order of end position. */
    void scan(CharSequence text, int from, int to, Sink sink) {
        int s = 0;
        final int a = alphabet;
        for (int i = from; i < to; i++) {
            s = next[s * a + classOf[fold(text.charAt(i))]];
            int[] o = outputs[s];
            for (int k = 0; k < o.length; k++) {
                int p = o[k];
                sink.match(p, i + 1 - lengths[p], i + 1);
            }
        }
    }

    int phraseCount() {
        return lengths.length;
    }

    /** Length-preserving case folding: lower case, and typographic apostrophes as ASCII ones. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
            return '\'';
        }
        return Character.toLowerCase(c);
    }

    static String fold(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            cs[i] = fold(cs[i]);
        }
        return new String(cs);
    }

    @Override
    public String toString() {
        return "PhraseMatcher" + Arrays.toString(new int[] {lengths.length, alphabet, outputs.length});
    }
}
