package io.thoughtscope.runtime.template;

/** A place in the template source, both 1-based. */
record SourcePos(int line, int column) {
}
