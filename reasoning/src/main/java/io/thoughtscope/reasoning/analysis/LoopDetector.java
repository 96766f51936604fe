package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds repetition loops: a step repeated several times anywhere in a region, or a region whose
 * tail repeats the same unit over and over (a model stuck in a loop until the token limit).
 */
final class LoopDetector {

    static final int MIN_REPEATS = 3;
    private static final int MIN_STEP_CHARS = 12;
    private static final int MIN_TAIL_CHARS = 60;
    private static final int MIN_PERIOD = 4;
    private static final int TAIL_WINDOW = 6000;

    /** A repeated region and what repeats in it. */
    record Loop(Span span, List<Evidence> evidence) {}

    private LoopDetector() {
    }

    static List<Loop> find(String text, List<Span> steps, List<Span> regions) {
        List<Loop> loops = new ArrayList<>();
        repeatedSteps(text, steps, loops);
        for (Span r : regions) {
            Loop tail = periodicTail(text, r);
            if (tail != null) {
                loops.add(tail);
            }
        }
        return merge(loops);
    }

    private static void repeatedSteps(String text, List<Span> steps, List<Loop> out) {
        Map<String, List<Integer>> seen = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Span s = steps.get(i);
            sb.setLength(0);
            boolean space = false;
            for (int k = s.start(); k < s.end(); k++) {
                char c = text.charAt(k);
                if (Character.isWhitespace(c)) {
                    space = sb.length() > 0;
                } else {
                    if (space) {
                        sb.append(' ');
                        space = false;
                    }
                    sb.append(PhraseMatcher.fold(c));
                }
            }
            if (sb.length() >= MIN_STEP_CHARS) {
                seen.computeIfAbsent(sb.toString(), k -> new ArrayList<>(2)).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> e : seen.entrySet()) {
            List<Integer> at = e.getValue();
            if (at.size() < MIN_REPEATS) {
                continue;
            }
            List<Evidence> ev = new ArrayList<>(at.size());
            for (int idx : at) {
                Span s = trimmed(text, steps.get(idx));
                ev.add(new Evidence("repeat", shorten(s.of(text)) + " (" + at.size() + "×)", s));
            }
            Span first = steps.get(at.getFirst());
            Span last = steps.get(at.getLast());
            out.add(new Loop(new Span(first.start(), last.end()), ev));
        }
    }

    /**
     * The longest tail of the region that has a period p repeated at least three times, found
     * with the Z-function of the reversed tail (linear time).
     */
    static Loop periodicTail(String text, Span region) {
        int end = region.end();
        while (end > region.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int n = Math.min(end - region.start(), TAIL_WINDOW);
        if (n < MIN_TAIL_CHARS) {
            return null;
        }
        char[] r = new char[n];
        for (int i = 0; i < n; i++) {
            r[i] = text.charAt(end - 1 - i);
        }
        int[] z = new int[n];
        int l = 0;
        int rr = 0;
        for (int i = 1; i < n; i++) {
            if (i < rr) {
                z[i] = Math.min(rr - i, z[i - l]);
            }
            while (i + z[i] < n && r[z[i]] == r[i + z[i]]) {
                z[i]++;
            }
            if (i + z[i] > rr) {
                l = i;
                rr = i + z[i];
            }
        }
        for (int p = MIN_PERIOD; p * MIN_REPEATS <= n; p++) {
            int len = p + z[p];
            if (len >= MIN_REPEATS * p && len >= MIN_TAIL_CHARS) {
                int repeats = len / p;
                Span unit = new Span(end - p, end);
                Span all = new Span(end - len, end);
                return new Loop(all, List.of(new Evidence("repeat",
                        "«" + shorten(unit.of(text).strip()) + "» repeated " + repeats + "×", unit)));
            }
        }
        return null;
    }

    private static List<Loop> merge(List<Loop> loops) {
        if (loops.size() < 2) {
            return loops;
        }
        loops.sort((a, b) -> a.span().compareTo(b.span()));
        List<Loop> out = new ArrayList<>();
        Loop cur = loops.getFirst();
        for (int i = 1; i < loops.size(); i++) {
            Loop next = loops.get(i);
            if (next.span().start() < cur.span().end()) {
                List<Evidence> ev = new ArrayList<>(cur.evidence());
                ev.addAll(next.evidence());
                ev.sort((a, b) -> a.span().compareTo(b.span()));
                cur = new Loop(new Span(cur.span().start(), Math.max(cur.span().end(), next.span().end())), ev);
            } else {
                out.add(cur);
                cur = next;
            }
        }
        out.add(cur);
        return out;
    }

    private static Span trimmed(String text, Span s) {
        int a = s.start();
        int b = s.end();
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return new Span(a, b);
    }

    private static String shorten(String s) {
        String t = s.replace('\n', ' ');
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

}
