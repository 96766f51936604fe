package io.thoughtscope.app.ui;

import io.thoughtscope.app.Lexicons;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.viewer.theme.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;

/** The desktop application. */
public final class ThoughtscopeApp extends Application {

    private static volatile Path initialFile;
    private ExecutorService background;

    /** Opens the app (blocks until its window closes). */
    public static void launchApp(Path file) {
        initialFile = file;
        Application.launch(ThoughtscopeApp.class);
    }

    static ExecutorService newBackground() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "thoughtscope-io");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userNodeForPackage(ThoughtscopeApp.class);
        Theme theme = "DARK".equals(prefs.get("theme", "LIGHT")) ? Theme.DARK : Theme.LIGHT;
        background = newBackground();
        TraceAnalyzer analyzer;
        String lexiconProblem = null;
        try {
            analyzer = new TraceAnalyzer(Lexicons.load(List.of()));
        } catch (IOException | RuntimeException e) {
            // a broken user lexicon must not keep the app from starting: say so, use the built-in one
            analyzer = new TraceAnalyzer();
            lexiconProblem = "Your lexicon file was not used: " + e.getMessage();
        }
        LabViewModel model = new LabViewModel(background, Platform::runLater, analyzer);
        double w = prefs.getDouble("width", 1360);
        double h = prefs.getDouble("height", 860);
        MainWindow window = new MainWindow(model, theme, prefs, w, h);
        window.show(stage);
        stage.setOnHidden(_ -> {
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
        });
        window.openInitial(initialFile);
        if (lexiconProblem != null) {
            model.errorProperty().set(lexiconProblem);
        }
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
