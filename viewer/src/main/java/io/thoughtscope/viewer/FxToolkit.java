package io.thoughtscope.viewer;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JavaFX toolkit outside an {@code Application} (screenshots, tests), once per JVM:
 * the toolkit cannot be restarted, and a second start is not an error here.
 */
public final class FxToolkit {

    private static boolean started;

    private FxToolkit() {
    }

    /** Starts the toolkit if it is not running; windows closing does not end it. */
    public static synchronized void startOnce() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
        started = true;
    }

    /** Starts the toolkit on JavaFX 26's headless platform (no display), unless it already runs. */
    public static synchronized void startHeadless() throws InterruptedException {
        if (!started) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        startOnce();
    }
}
