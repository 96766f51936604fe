package io.thoughtscope.app.ui;

import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.viewer.FxToolkit;
import io.thoughtscope.viewer.theme.Theme;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders the main window to a PNG on JavaFX's headless platform (no display needed), for the
 * README, for reviews of UI changes and for tests.
 */
public final class Screenshots {

    /** What to show. {@code file} null means the built-in examples; {@code empty} shows the welcome. */
    public record Request(Path file, boolean empty, Theme theme, int width, int height, int record, int moment,
                          String groundTruth) {}

    private Screenshots() {
    }

    public static void render(Request req, Path output) throws Exception {
        FxToolkit.startHeadless();
        ExecutorService bg = ThoughtscopeApp.newBackground();
        try {
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    LabViewModel model = new LabViewModel(bg, Platform::runLater, new TraceAnalyzer());
                    MainWindow window = new MainWindow(model, req.theme(), null, req.width(), req.height());
                    Stage stage = new Stage();
                    window.show(stage);
                    if (req.groundTruth() != null) {
                        model.groundTruthProperty().set(req.groundTruth());
                    }
                    model.statusProperty().addListener((_, _, _) -> {
                        if (model.busyProperty().get() || shot.isDone()) {
                            return;
                        }
                        if (model.errorProperty().get() != null) {
                            shot.completeExceptionally(new IOException(model.errorProperty().get()));
                            return;
                        }
                        int n = model.records().size();
                        model.selectedProperty().set(Math.clamp(req.record() - 1, 0, Math.max(0, n - 1)));
                        for (int k = 0; k < req.moment(); k++) {
                            model.traceModel().nextMoment();
                        }
                        settleThenSnap(window.scene(), stage, shot, 6);
                    });
                    if (req.empty()) {
                        settleThenSnap(window.scene(), stage, shot, 6);
                    } else if (req.file() == null) {
                        model.openExamples();
                    } else {
                        model.open(req.file());
                    }
                } catch (RuntimeException e) {
                    shot.completeExceptionally(e);
                }
            });
            WritableImage img;
            try {
                img = shot.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the window did not finish rendering within 60 s");
            }
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", output.toFile());
        } finally {
            bg.shutdownNow();
        }
    }

    /** Lets layout, CSS and the text area's virtual flow settle for a few pulses, then snapshots. */
    private static void settleThenSnap(Scene scene, Stage stage, CompletableFuture<WritableImage> shot, int pulses) {
        if (pulses == 0) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            shot.complete(scene.snapshot(null));
            stage.hide();
            return;
        }
        Platform.runLater(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            settleThenSnap(scene, stage, shot, pulses - 1);
        });
    }
}
