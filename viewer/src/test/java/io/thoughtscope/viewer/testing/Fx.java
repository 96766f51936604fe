package io.thoughtscope.viewer.testing;

import io.thoughtscope.viewer.FxToolkit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Test support for JavaFX on the headless platform (the build passes -Dglass.platform=Headless):
 * starts the toolkit once, runs code on the FX thread and waits, waits for a condition, and saves
 * snapshots under target/screenshots so a person can look at them.
 */
public final class Fx {

    private Fx() {
    }

    public static void start() throws InterruptedException {
        FxToolkit.startOnce();
    }

    public static <T> T call(Callable<T> action) throws Exception {
        start();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    public static void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Runs pending FX work: a few round trips through the event queue, with layout in between. */
    public static void settle(Scene scene) throws Exception {
        for (int i = 0; i < 4; i++) {
            run(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            });
        }
    }

    /** Waits (polling the FX thread) until the condition holds, or fails after the timeout. */
    public static void waitFor(BooleanSupplier condition, long timeoutMillis, String what) throws Exception {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < end) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Snapshots a node (on the FX thread) and writes it to target/screenshots/NAME.png. */
    public static Path snapshot(Node node, String name) throws Exception {
        WritableImage img = call(() -> node.snapshot(null, null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
        return file;
    }
}
