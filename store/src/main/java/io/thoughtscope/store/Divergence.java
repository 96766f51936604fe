package io.thoughtscope.store;

/**
 * Where two traces part. Offsets count characters of the trace text (the path's text, prompt and
 * user messages left out).
 *
 * @param identical   the traces are the same
 * @param charOffset  the first character that differs (the shorter length when one is a prefix of the other)
 * @param tokenIndex  the first token that differs, when both carry tokens; else -1
 * @param nodeA       the node of trace A where the divergence lies
 * @param nodeB       the node of trace B where the divergence lies
 * @param context     up to 80 characters they share before the divergence
 * @param continuationA up to 80 characters of A from the divergence on
 * @param continuationB up to 80 characters of B from the divergence on
 */
public record Divergence(boolean identical, int charOffset, int tokenIndex, int nodeA, int nodeB, String context,
                         String continuationA, String continuationB) {
}
