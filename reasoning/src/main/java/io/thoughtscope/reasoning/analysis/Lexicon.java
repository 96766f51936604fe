package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrase lists behind moment detection and step labelling. They are data: the built-in
 * list is a resource ({@code lexicon.txt}) and users add their own files in the same format.
 */
public final class Lexicon {

    private static final String BUILT_IN = "lexicon.txt";
    private static volatile Lexicon builtIn;

    private final List<Cue> cues;
    private final PhraseMatcher matcher;

    private Lexicon(List<Cue> cues) {
        this.cues = List.copyOf(cues);
        List<String> phrases = new ArrayList<>(cues.size());
        for (Cue c : cues) {
            phrases.add(c.phrase());
        }
        this.matcher = new PhraseMatcher(phrases);
    }

    /** The lexicon shipped with Thoughtscope. */
    public static Lexicon builtIn() {
        Lexicon l = builtIn;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = builtIn;
                if (l == null) {
                    try (InputStream in = Lexicon.class.getResourceAsStream(BUILT_IN)) {
                        if (in == null) {
                            throw new IllegalStateException("built-in lexicon missing from the class path");
                        }
                        l = new Lexicon(parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtIn = l;
                }
            }
        }
        return l;
    }

    /** The built-in lexicon plus the cues of the given files, in order. */
    public static Lexicon builtInPlus(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return builtIn();
        }
        List<Cue> all = new ArrayList<>(builtIn().cues);
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                all.addAll(parse(r, f.toString()));
            }
        }
        return new Lexicon(all);
    }

    /** A lexicon of exactly the given text (for tests and previews). */
    public static Lexicon of(String text) {
        try {
            return new Lexicon(parse(new StringReader(text), "<text>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Cue> cues() {
        return cues;
    }

    public Cue cue(int index) {
        return cues.get(index);
    }

    PhraseMatcher matcher() {
        return matcher;
    }

    /** Cues per category key, for display ({@code moment.aha} to its phrases). */
    public Map<String, List<String>> byCategory() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Cue c : cues) {
            String key = c.isMoment() ? "moment." + c.moment().key() : "label." + c.label().key();
            m.computeIfAbsent(key, k -> new ArrayList<>()).add((c.anchored() ? "^" : "") + c.phrase() + (c.prefix() ? "*" : ""));
        }
        return m;
    }

    static List<Cue> parse(Reader reader, String origin) throws IOException {
        List<Cue> out = new ArrayList<>();
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int ws = indexOfWhitespace(t);
            String where = origin + ":" + lineNo;
            if (ws < 0) {
                throw new LexiconException(where + ": expected 'CATEGORY phrase', found '" + t + "'");
            }
            String category = t.substring(0, ws);
            String phrase = t.substring(ws).strip();
            out.add(cue(category, phrase, where));
        }
        return out;
    }

    private static Cue cue(String category, String rawPhrase, String where) {
        boolean anchored = rawPhrase.startsWith("^");
        String phrase = anchored ? rawPhrase.substring(1) : rawPhrase;
        boolean prefix = phrase.length() > 1 && phrase.endsWith("*");
        if (prefix) {
            phrase = phrase.substring(0, phrase.length() - 1);
        }
        phrase = PhraseMatcher.fold(phrase);
        if (phrase.isBlank()) {
            throw new LexiconException(where + ": empty phrase");
        }
        int dot = category.indexOf('.');
        String kind = dot < 0 ? category : category.substring(0, dot);
        String name = dot < 0 ? "" : category.substring(dot + 1);
        try {
            return switch (kind) {
                case "moment" -> {
                    MomentType type = MomentType.fromKey(name);
                    if (type == MomentType.LOOP) {
                        throw new LexiconException(where + ": loops are found by repetition, not by phrases");
                    }
                    yield new Cue(type, null, phrase, anchored, prefix, where);
                }
                case "label" -> new Cue(null, StepLabel.fromKey(name), phrase, anchored, prefix, where);
                default -> throw new LexiconException(where + ": unknown category '" + category
                        + "' (use moment.<type> or label.<label>)");
            };
        } catch (IllegalArgumentException e) {
            if (e instanceof LexiconException le) {
                throw le;
            }
            throw new LexiconException(where + ": unknown category '" + category + "'");
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A lexicon file that cannot be read as cues; the message names the file and line. */
    public static final class LexiconException extends IllegalArgumentException {
        public LexiconException(String message) {
            super(message);
        }
    }
}
