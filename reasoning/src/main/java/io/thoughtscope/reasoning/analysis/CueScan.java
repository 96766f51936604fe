package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lexicon's cues found in the steps of a trace: one automaton pass per region, then the
 * checks the automaton cannot make (whole words, step-start anchors) and, within moments and
 * within labels, the longest of overlapping cues.
 */
final class CueScan {

    /** A cue occurrence inside step {@code step}. */
    record Hit(int cue, int start, int end, int step) {}

    private CueScan() {
    }

    /**
     * @param steps the spans of all steps, in text order, non-overlapping
     * @return moment hits and label hits, each sorted by start
     */
    static List<List<Hit>> scan(Lexicon lexicon, String text, List<Span> regions, List<Span> steps) {
        int[] stepStarts = new int[steps.size()];
        int[] contentStarts = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            stepStarts[i] = steps.get(i).start();
            contentStarts[i] = contentStart(text, steps.get(i));
        }
        List<Hit> raw = new ArrayList<>();
        PhraseMatcher m = lexicon.matcher();
        for (Span region : regions) {
            m.scan(text, region.start(), region.end(), (p, s, e) -> {
                Cue cue = lexicon.cue(p);
                if (!boundaryOk(text, cue, s, e, region)) {
                    return;
                }
                int step = Arrays.binarySearch(stepStarts, s);
                if (step < 0) {
                    step = -step - 2;
                }
                if (step < 0) {
                    return;
                }
                if (cue.anchored() && contentStarts[step] != s) {
                    return;
                }
                raw.add(new Hit(p, s, e, step));
            });
        }
        List<Hit> moments = new ArrayList<>();
        List<Hit> labels = new ArrayList<>();
        for (Hit h : raw) {
            (lexicon.cue(h.cue()).isMoment() ? moments : labels).add(h);
        }
        return List.of(longestOnly(lexicon, moments), longestOnly(lexicon, labels));
    }

    /** Drops hits contained in a longer (or equal, earlier-listed, anchored-first) hit. */
    private static List<Hit> longestOnly(Lexicon lexicon, List<Hit> hits) {
        hits.sort((a, b) -> {
            if (a.start() != b.start()) {
                return Integer.compare(a.start(), b.start());
            }
            if (a.end() != b.end()) {
                return Integer.compare(b.end(), a.end());
            }
            boolean aa = lexicon.cue(a.cue()).anchored();
            boolean ba = lexicon.cue(b.cue()).anchored();
            return aa == ba ? Integer.compare(a.cue(), b.cue()) : (aa ? -1 : 1);
        });
        List<Hit> out = new ArrayList<>(hits.size());
        int maxEnd = -1;
        for (Hit h : hits) {
            if (h.end() <= maxEnd) {
                continue;
            }
            out.add(h);
            maxEnd = h.end();
        }
        return out;
    }

    private static boolean boundaryOk(String text, Cue cue, int s, int e, Span region) {
        String p = cue.phrase();
        if (isWordChar(p.charAt(0)) && s > region.start() && isWordChar(text.charAt(s - 1))) {
            return false;
        }
        return cue.prefix() || !isWordChar(p.charAt(p.length() - 1)) || e >= region.end() || !isWordChar(text.charAt(e));
    }

    /** Letters and digits of alphabetic scripts; CJK ideographs have no word boundaries. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c) && !isCjk(c);
    }

    static boolean isCjk(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u3040' && c <= '\u30FF')
                || (c >= '\uAC00' && c <= '\uD7AF') || (c >= '\uF900' && c <= '\uFAFF');
    }

    /** The first character of a step that is not whitespace or markdown decoration. */
    static int contentStart(String text, Span step) {
        int i = step.start();
        while (i < step.end()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '*' || c == '#' || c == '>' || c == '-' || c == '"' || c == '_'
                    || c == '\u201C') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
