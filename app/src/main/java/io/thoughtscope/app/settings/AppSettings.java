package io.thoughtscope.app.settings;

import java.util.List;

/**
 * What the app remembers between starts: theme, language, the last model, the window's layout,
 * classroom mode and the text size. Saved as {@code settings.json} in the config folder.
 *
 * @param theme       {@code light} or {@code dark}
 * @param language    a language tag ({@code en}, {@code zh-CN}), or empty for the system's
 * @param lastModel   path of the last model used, or empty
 * @param window      x, y, width, height of the main window (NaN until it was placed once)
 * @param maximized   whether the window was maximized
 * @param dividers    divider positions of the main split panes
 * @param classroom   whether classroom mode was on
 * @param fontSize    the trace text size in points
 * @param strategy    the last strategy with its parameters, as {@code Strategies.format} writes it
 * @param welcomed    whether the first-start welcome was shown
 * @param recentFiles trace and model files opened lately, newest first
 */
public record AppSettings(String theme, String language, String lastModel, double[] window, boolean maximized,
                          double[] dividers, boolean classroom, double fontSize, String strategy, boolean welcomed,
                          List<String> recentFiles) {

    public static final int RECENT = 10;

    public AppSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
        language = language == null ? "" : language;
        lastModel = lastModel == null ? "" : lastModel;
        window = window == null || window.length != 4 ? new double[] {Double.NaN, Double.NaN, 1360, 860} : window.clone();
        dividers = dividers == null ? new double[0] : dividers.clone();
        fontSize = fontSize < 8 || fontSize > 48 || Double.isNaN(fontSize) ? 14 : fontSize;
        strategy = strategy == null ? "" : strategy;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles.subList(0, Math.min(RECENT, recentFiles.size())));
    }

    public static AppSettings defaults() {
        return new AppSettings("light", "", "", null, false, null, false, 14, "", false, List.of());
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(t, language, lastModel, window, maximized, dividers, classroom, fontSize, strategy, welcomed, recentFiles);
    }

    public AppSettings withLanguage(String l) {
        return new AppSettings(theme, l, lastModel, window, maximized, dividers, classroom, fontSize, strategy, welcomed, recentFiles);
    }

    public AppSettings withLastModel(String m) {
        return new AppSettings(theme, language, m, window, maximized, dividers, classroom, fontSize, strategy, welcomed, recentFiles);
    }

    public AppSettings withWindow(double[] w, boolean max) {
        return new AppSettings(theme, language, lastModel, w, max, dividers, classroom, fontSize, strategy, welcomed, recentFiles);
    }

    public AppSettings withDividers(double[] d) {
        return new AppSettings(theme, language, lastModel, window, maximized, d, classroom, fontSize, strategy, welcomed, recentFiles);
    }

    public AppSettings withClassroom(boolean c) {
        return new AppSettings(theme, language, lastModel, window, maximized, dividers, c, fontSize, strategy, welcomed, recentFiles);
    }

    public AppSettings withFontSize(double f) {
        return new AppSettings(theme, language, lastModel, window, maximized, dividers, classroom, f, strategy, welcomed, recentFiles);
    }

    public AppSettings withStrategy(String s) {
        return new AppSettings(theme, language, lastModel, window, maximized, dividers, classroom, fontSize, s, welcomed, recentFiles);
    }

    public AppSettings withWelcomed(boolean w) {
        return new AppSettings(theme, language, lastModel, window, maximized, dividers, classroom, fontSize, strategy, w, recentFiles);
    }

    /** The file moved (or added) to the front of the recent list. */
    public AppSettings withRecent(String file) {
        java.util.ArrayList<String> r = new java.util.ArrayList<>(recentFiles);
        r.remove(file);
        r.addFirst(file);
        return new AppSettings(theme, language, lastModel, window, maximized, dividers, classroom, fontSize, strategy, welcomed, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppSettings a && theme.equals(a.theme) && language.equals(a.language)
                && lastModel.equals(a.lastModel) && java.util.Arrays.equals(window, a.window) && maximized == a.maximized
                && java.util.Arrays.equals(dividers, a.dividers) && classroom == a.classroom && fontSize == a.fontSize
                && strategy.equals(a.strategy) && welcomed == a.welcomed && recentFiles.equals(a.recentFiles);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(theme, language, lastModel, java.util.Arrays.hashCode(window), maximized,
                java.util.Arrays.hashCode(dividers), classroom, fontSize, strategy, welcomed, recentFiles);
    }
}
