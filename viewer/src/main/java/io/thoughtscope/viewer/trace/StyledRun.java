package io.thoughtscope.viewer.trace;

import java.util.List;

/**
 * A run of trace text that shares one set of style classes. Runs cover the text without gaps
 * or overlaps, in order; a run without classes is plain text.
 */
public record StyledRun(int start, int end, List<String> styleClasses) {
    public StyledRun {
        styleClasses = List.copyOf(styleClasses);
    }

    public int length() {
        return end - start;
    }
}
