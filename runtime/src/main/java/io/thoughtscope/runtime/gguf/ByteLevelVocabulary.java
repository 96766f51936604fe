package io.thoughtscope.runtime.gguf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small byte-level BPE vocabulary in the form llama.cpp's "gpt2" tokenizer reads: the 256 byte tokens in GPT-2's
 * byte-to-unicode order, merges that build a few hundred common English and reasoning words (so text becomes
 * fewer tokens than bytes), optional filler words up to a wanted size, then the ChatML and thinking special tokens,
 * then padding. Deterministic: no data files, no randomness.
 *
 * @param tokens   token texts in byte-level form (space is {@code Ġ}, newline {@code Ċ})
 * @param types    llama.cpp token types, one per token
 * @param merges   BPE merges, {@code "left right"}, by rank
 * @param specials ids of the special tokens
 */
public record ByteLevelVocabulary(List<String> tokens, int[] types, List<String> merges, SpecialTokens specials) {

    /** llama.cpp's token types (enum llama_token_type). */
    public static final int NORMAL = 1, CONTROL = 3, USER_DEFINED = 4, UNUSED = 5;

    /** Ids of the special tokens. */
    public record SpecialTokens(int endOfText, int imStart, int imEnd, int thinkStart, int thinkEnd) {
    }

    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    public static final String THINK_START = "<think>";
    public static final String THINK_END = "</think>";

    // words first with a leading space (the common case in text), so their merges get the better ranks
    private static final String WORDS = """
            the of and to in is it that for as with on be this are by we was not or at from but have an
            which one can so if all there their has more will they its than about would what when these
            then them two some time only also into other may could first how our each like new where most
            let answer think wait hmm alternatively therefore because however maybe actually check again
            step next now need find value equation number sum product total result since given means thus
            so let's first second third final problem solve solution compute calculate verify correct wrong
            mistake right yes no okay ok hold on instead perhaps consider suppose assume note recall know
            true false equal equals plus minus times divided square root half twice three four five six
            seven eight nine ten hundred thousand percent per each every both either neither same different
            other another way method approach case cases part parts term terms side sides left right up down
            number numbers digit digits even odd prime factor factors multiple divisible remainder fraction
            ratio rate speed distance area volume length width height angle triangle circle radius point
            line lines function variable expression integer integers positive negative real probability
            count counting ways possible possibly must should does do did done make makes made get gets
            got use used using take takes give gives go goes look looks see seems mean say says said
            carefully again let me thinking thought double recheck recompute correct confirm therefore
            answer boxed
            Wait So But Let Hmm Alternatively The Therefore Now Then First Actually Maybe Hence Thus Okay I
            """;
    // the same words often open a sentence or a line
    private static final String BARE_WORDS = """
            The So Wait Hmm Let Alternatively But Therefore Now First Then Next Since If We It This That
            Okay Actually Maybe Check Answer Final Thus Hence Yes No I
            the and ing ed er tion ly es
            """;

    private static final int[] BYTE_ORDER = gpt2ByteOrder();

    /** Byte token text for a byte value (GPT-2's bytes_to_unicode). */
    public static String byteToken(int b) {
        return BYTE_CHARS[b & 0xFF];
    }

    /** Text in byte-level form: each UTF-8 byte becomes its byte token character. */
    public static String toByteLevel(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append(BYTE_CHARS[b & 0xFF]);
        }
        return out.toString();
    }

    private static final String[] BYTE_CHARS = byteChars();

    /** The core: byte tokens and merged words, without fillers, specials or padding. */
    public static int coreSize() {
        return CORE.tokens.size();
    }

    private static final Core CORE = buildCore();

    private record Core(List<String> tokens, List<String> merges) {
    }

    /**
     * A vocabulary of {@code size} tokens: the core, filler words up to {@code regularTokens}, the five special
     * tokens, then {@code [PADn]} tokens up to {@code size} (as llama.cpp's converter pads Qwen vocabularies).
     */
    public static ByteLevelVocabulary build(int regularTokens, int size) {
        if (regularTokens < coreSize() || size < regularTokens + 5) {
            throw new IllegalArgumentException("need at least " + coreSize() + " regular tokens and room for 5 "
                    + "special tokens: regular " + regularTokens + ", size " + size);
        }
        List<String> tokens = new ArrayList<>(size);
        tokens.addAll(CORE.tokens);
        Set<String> seen = new HashSet<>(tokens);
        for (long n = 0; tokens.size() < regularTokens; n++) {
            String filler = fillerWord(n);
            if (seen.add(filler)) {
                tokens.add(filler);
            }
        }
        int specialsAt = tokens.size();
        tokens.addAll(List.of(END_OF_TEXT, IM_START, IM_END, THINK_START, THINK_END));
        while (tokens.size() < size) {
            tokens.add("[PAD" + tokens.size() + "]");
        }
        int[] types = new int[size];
        for (int i = 0; i < size; i++) {
            types[i] = i < specialsAt ? NORMAL : i < specialsAt + 3 ? CONTROL : i < specialsAt + 5 ? USER_DEFINED
                    : UNUSED;
        }
        return new ByteLevelVocabulary(List.copyOf(tokens), types, CORE.merges,
                new SpecialTokens(specialsAt, specialsAt + 1, specialsAt + 2, specialsAt + 3, specialsAt + 4));
    }

    private static Core buildCore() {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (int rank = 0; rank < 256; rank++) {
            tokens.put(Character.toString(unicodeOfRank(rank)), rank);
        }
        List<String> merges = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String word : WORDS.split("\\s+")) {
            if (!word.isBlank()) {
                words.add(" " + word);
            }
        }
        for (String word : BARE_WORDS.split("\\s+")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        words.add("\n\n");
        words.add(".\n\n");
        words.add(",");
        // each word is built left to right: "Ġt" + "h" -> "Ġth", "Ġth" + "e" -> "Ġthe"
        for (String word : words) {
            String chars = toByteLevel(word);
            int[] codePoints = chars.codePoints().toArray();
            String prefix = Character.toString(codePoints[0]);
            for (int k = 1; k < codePoints.length; k++) {
                String next = Character.toString(codePoints[k]);
                String merged = prefix + next;
                if (!tokens.containsKey(merged)) {
                    merges.add(prefix + " " + next);
                    tokens.put(merged, tokens.size());
                }
                prefix = merged;
            }
        }
        return new Core(List.copyOf(tokens.keySet()), List.copyOf(merges));
    }

    /** A pronounceable pseudo-word with a leading space, distinct for every n: "Ġkalo", "Ġmira", ... */
    private static String fillerWord(long n) {
        String[] syllables = {"ka", "lo", "mi", "ru", "te", "so", "na", "vi", "pe", "du", "ga", "fo", "ze", "bu",
                "ri", "ho"};
        StringBuilder word = new StringBuilder("\u0120");
        long rest = n;
        do {
            word.append(syllables[(int) (rest % syllables.length)]);
            rest /= syllables.length;
        } while (rest > 0);
        return word.toString();
    }

    /** Bytes in the order of GPT-2's byte tokens: printable ones first, then the rest. */
    private static int[] gpt2ByteOrder() {
        int[] order = new int[256];
        int at = 0;
        for (int b = 0; b < 256; b++) {
            if (isPrintable(b)) {
                order[at++] = b;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (!isPrintable(b)) {
                order[at++] = b;
            }
        }
        return order;
    }

    private static boolean isPrintable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** The character of the byte token with this rank: printable bytes stand for themselves, others 256 + n. */
    private static int unicodeOfRank(int rank) {
        int b = BYTE_ORDER[rank];
        if (isPrintable(b)) {
            return b;
        }
        int n = 0;
        for (int other = 0; other < b; other++) {
            if (!isPrintable(other)) {
                n++;
            }
        }
        return 256 + n;
    }

    private static String[] byteChars() {
        String[] chars = new String[256];
        for (int rank = 0; rank < 256; rank++) {
            chars[BYTE_ORDER[rank]] = Character.toString(unicodeOfRank(rank));
        }
        return chars;
    }
}
