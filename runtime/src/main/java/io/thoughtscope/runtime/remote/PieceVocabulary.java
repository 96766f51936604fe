package io.thoughtscope.runtime.remote;

import io.thoughtscope.reasoning.spi.Tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokenizer of a remote model, as far as this side can know it: a server sends text pieces,
 * not its vocabulary, so every distinct piece gets a local id when it is first seen. Text to be
 * sent is cut into word-sized pieces (special strings such as the think tags kept whole), so
 * {@code detokenize(tokenize(s))} is {@code s} exactly; lengths counted in these pieces are close
 * to, not equal to, the server's token counts. Id 0 is the end of generation (empty text).
 * Thread-safe.
 */
final class PieceVocabulary implements Tokenizer {

    static final int END = 0;

    /** GPT-2's pre-tokenizer shape: words with their leading space, digit runs, punctuation runs, spaces. */
    private static final Pattern WORDS = Pattern.compile(
            " ?\\p{L}+| ?\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> pieces = new ArrayList<>();
    private final List<String> specials;

    /**
     * @param specials strings that are one token each when special text is parsed (think tags,
     *                 the template's markers, start and end tokens)
     */
    PieceVocabulary(Set<String> specials) {
        pieces.add("");
        List<String> s = new ArrayList<>(new LinkedHashSet<>(specials));
        s.removeIf(String::isEmpty);
        s.sort(Comparator.comparingInt(String::length).reversed()); // longest first
        this.specials = List.copyOf(s);
        for (String sp : this.specials) {
            intern(sp);
        }
    }

    /** The id of a piece, giving it one when it is new. */
    int intern(String piece) {
        if (piece.isEmpty()) {
            return END;
        }
        Integer id = ids.get(piece);
        if (id != null) {
            return id;
        }
        synchronized (pieces) {
            return ids.computeIfAbsent(piece, p -> {
                pieces.add(p);
                return pieces.size() - 1;
            });
        }
    }

    String piece(int id) {
        synchronized (pieces) {
            if (id < 0 || id >= pieces.size()) {
                throw new IllegalArgumentException("no token " + id);
            }
            return pieces.get(id);
        }
    }

    @Override
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        List<String> out = new ArrayList<>();
        int from = 0;
        if (parseSpecial && !specials.isEmpty()) {
            int i = 0;
            while (i < text.length()) {
                String hit = null;
                for (String sp : specials) {
                    if (text.startsWith(sp, i)) {
                        hit = sp;
                        break;
                    }
                }
                if (hit != null) {
                    split(text.substring(from, i), out);
                    out.add(hit);
                    i += hit.length();
                    from = i;
                } else {
                    i++;
                }
            }
        }
        split(text.substring(from), out);
        int[] result = new int[out.size()];
        for (int k = 0; k < result.length; k++) {
            result[k] = intern(out.get(k));
        }
        return result;
    }

    private static void split(String text, List<String> out) {
        if (text.isEmpty()) {
            return;
        }
        Matcher m = WORDS.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                out.add(text.substring(end, m.start()));
            }
            out.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            out.add(text.substring(end));
        }
    }

    @Override
    public byte[] tokenBytes(int token) {
        return piece(token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String detokenize(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        synchronized (pieces) {
            for (int t : tokens) {
                sb.append(pieces.get(t));
            }
        }
        return sb.toString();
    }

    @Override
    public int vocabularySize() {
        synchronized (pieces) {
            return pieces.size();
        }
    }

    @Override
    public boolean isEndOfGeneration(int token) {
        return token == END;
    }
}
