package io.thoughtscope.viewer.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The app's themes: AtlantaFX Primer, light and dark, plus the viewer's own colour overrides. */
public enum Theme {
    LIGHT,
    DARK;

    public static final String DARK_CLASS = "theme-dark";

    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** Makes this the theme of the whole application and of the scene's root. Call on the FX thread. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet());
        if (scene != null && scene.getRoot() != null) {
            var classes = scene.getRoot().getStyleClass();
            classes.remove(DARK_CLASS);
            if (this == DARK) {
                classes.add(DARK_CLASS);
            }
        }
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
