package io.thoughtscope.runtime.llama;

import io.thoughtscope.reasoning.spi.Tokenizer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The model's own tokenizer, through llama.cpp; token bytes are cached (they never change). */
final class LlamaTokenizer implements Tokenizer {

    private final LlamaApi api;
    private final MemorySegment vocab;
    private final int nVocab;
    private final byte[][] pieces;
    private final ConcurrentHashMap<Integer, String> texts = new ConcurrentHashMap<>();
    private final boolean addBos;
    private final int bos;
    private final int eos;

    LlamaTokenizer(LlamaApi api, MemorySegment vocab, int nVocab) {
        this.api = api;
        this.vocab = vocab;
        this.nVocab = nVocab;
        this.pieces = new byte[nVocab][];
        try {
            this.addBos = (boolean) api.vocabGetAddBos.invokeExact(vocab);
            this.bos = (int) api.vocabBos.invokeExact(vocab);
            this.eos = (int) api.vocabEos.invokeExact(vocab);
        } catch (Throwable t) {
            throw new LlamaException("cannot read the vocabulary: " + t.getMessage(), t);
        }
    }

    @Override
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment in = a.allocate(utf8.length + 1L);
            MemorySegment.copy(utf8, 0, in, JAVA_BYTE, 0, utf8.length);
            int cap = utf8.length + 8;
            MemorySegment out = a.allocate(JAVA_INT, cap);
            int n = (int) api.tokenize.invokeExact(vocab, in, utf8.length, out, cap, addSpecial, parseSpecial);
            if (n < 0) {
                cap = -n;
                out = a.allocate(JAVA_INT, cap);
                n = (int) api.tokenize.invokeExact(vocab, in, utf8.length, out, cap, addSpecial, parseSpecial);
                if (n < 0) {
                    throw new LlamaException("tokenizing failed (" + n + ")");
                }
            }
            return out.asSlice(0, (long) n * Integer.BYTES).toArray(JAVA_INT);
        } catch (LlamaException e) {
            throw e;
        } catch (Throwable t) {
            throw new LlamaException("tokenizing failed: " + t.getMessage(), t);
        }
    }

    @Override
    public byte[] tokenBytes(int token) {
        if (token < 0 || token >= nVocab) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary of " + nVocab);
        }
        byte[] p = pieces[token];
        if (p == null) {
            p = piece(token);
            pieces[token] = p;
        }
        return p;
    }

    /** The token's text for display (alternatives in tooltips); invalid UTF-8 shows as U+FFFD. */
    String pieceText(int token) {
        return texts.computeIfAbsent(token, t -> new String(tokenBytes(t), StandardCharsets.UTF_8));
    }

    private byte[] piece(int token) {
        try (Arena a = Arena.ofConfined()) {
            int cap = 64;
            MemorySegment buf = a.allocate(cap);
            int n = (int) api.tokenToPiece.invokeExact(vocab, token, buf, cap, 0, true);
            if (n < 0) {
                cap = -n;
                buf = a.allocate(cap);
                n = (int) api.tokenToPiece.invokeExact(vocab, token, buf, cap, 0, true);
            }
            if (n < 0) {
                throw new LlamaException("cannot read token " + token);
            }
            return buf.asSlice(0, n).toArray(JAVA_BYTE);
        } catch (LlamaException e) {
            throw e;
        } catch (Throwable t) {
            throw new LlamaException("cannot read token " + token + ": " + t.getMessage(), t);
        }
    }

    @Override
    public String detokenize(int[] tokens) {
        // concatenating the pieces is byte-exact and needs no native buffer sizing
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(tokens.length * 4);
        for (int t : tokens) {
            out.writeBytes(tokenBytes(t));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabularySize() {
        return nVocab;
    }

    @Override
    public boolean isEndOfGeneration(int token) {
        try {
            return (boolean) api.vocabIsEog.invokeExact(vocab, token);
        } catch (Throwable t) {
            throw new LlamaException("cannot read token " + token + ": " + t.getMessage(), t);
        }
    }

    boolean addsBos() {
        return addBos;
    }

    /** The text of the start-of-sequence token, or "" if the model has none. */
    String bosText() {
        return bos >= 0 && bos < nVocab ? pieceText(bos) : "";
    }

    /** The text of the end-of-sequence token, or "" if the model has none. */
    String eosText() {
        return eos >= 0 && eos < nVocab ? pieceText(eos) : "";
    }

    /** Whether some token's text is exactly {@code text} (used to find think tags). */
    boolean hasTokenText(String text) {
        int[] t = tokenize(text, false, true);
        return t.length == 1;
    }
}
