package io.thoughtscope.viewer.trace;

import java.util.Objects;

/** The viewer's stylesheet, for the components and for windows that host them. */
public final class ViewerStyles {

    private ViewerStyles() {
    }

    public static String stylesheet() {
        return Objects.requireNonNull(ViewerStyles.class.getResource("/io/thoughtscope/viewer/viewer.css"),
                "viewer.css missing from the class path").toExternalForm();
    }
}
