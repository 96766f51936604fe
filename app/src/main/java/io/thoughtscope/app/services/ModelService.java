package io.thoughtscope.app.services;

import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.ModelInfo;
import io.thoughtscope.runtime.discovery.DiscoveredModel;
import io.thoughtscope.runtime.discovery.ModelDiscovery;
import io.thoughtscope.runtime.discovery.ModelRoots;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * The model the app works with. One platform thread owns it: loading, runs and closing all happen
 * there in order, so a run never meets a half-loaded or closed model, and the UI thread never
 * waits on native code. State for the UI (what is loaded, loading progress, errors, the models
 * found on the machine) is published through the UI executor.
 */
public final class ModelService implements AutoCloseable {

    /** Opens a model file, reporting progress (return false from the predicate to cancel). */
    @FunctionalInterface
    public interface Opener {
        LanguageModel open(Path path, DoublePredicate progress);
    }

    private final java.util.concurrent.Executor ui;
    private final Opener opener;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "thoughtscope-model");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService discovery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "thoughtscope-discovery");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<ModelInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<String> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper discovering = new ReadOnlyBooleanWrapper(this, "discovering");
    private final ObservableList<DiscoveredModel> discovered = FXCollections.observableArrayList();

    private final AtomicBoolean cancelLoad = new AtomicBoolean();
    private LanguageModel model; // touched only on the worker thread

    public ModelService(java.util.concurrent.Executor ui, Opener opener) {
        this.ui = ui;
        this.opener = opener;
    }

    public ReadOnlyObjectProperty<ModelInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Loading progress from 0 to 1 while loading. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last failure as a sentence for the user, or null. */
    public ReadOnlyObjectProperty<String> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty discoveringProperty() {
        return discovering.getReadOnlyProperty();
    }

    public ObservableList<DiscoveredModel> discovered() {
        return discovered;
    }

    public void clearError() {
        error.set(null);
    }

    /** Looks for models where users keep them, in the background. */
    public CompletableFuture<List<DiscoveredModel>> discover(ModelRoots roots) {
        ui.execute(() -> discovering.set(true));
        return CompletableFuture.supplyAsync(() -> new ModelDiscovery(roots).discover().models(), discovery)
                .whenComplete((models, failure) -> ui.execute(() -> {
                    discovering.set(false);
                    if (models != null) {
                        discovered.setAll(models);
                    }
                }));
    }

    /**
     * Loads a model in place of the current one (which is closed once the runs before this call
     * have finished). The future completes with the new model's info, or exceptionally.
     */
    public CompletableFuture<ModelInfo> load(Path file) {
        cancelLoad.set(false);
        ui.execute(() -> {
            loading.set(true);
            progress.set(0);
            error.set(null);
        });
        return CompletableFuture.supplyAsync(() -> {
            closeCurrent();
            LanguageModel m = opener.open(file, f -> {
                ui.execute(() -> progress.set(f));
                return !cancelLoad.get();
            });
            model = m;
            return m.info();
        }, worker).whenComplete((i, failure) -> ui.execute(() -> {
            loading.set(false);
            if (failure == null) {
                info.set(i);
                path.set(file);
                progress.set(1);
            } else {
                info.set(null);
                path.set(null);
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                error.set(cause instanceof CancellationException ? null : message(cause));
            }
        }));
    }

    /** Stops a load in progress; the model that was loaded before is already closed. */
    public void cancelLoad() {
        cancelLoad.set(true);
    }

    /**
     * Runs work on the model's thread with the loaded model. Fails with {@link IllegalStateException}
     * when no model is loaded.
     */
    public <T> CompletableFuture<T> submit(Function<LanguageModel, T> work) {
        return CompletableFuture.supplyAsync(() -> {
            if (model == null) {
                throw new IllegalStateException("no model is loaded");
            }
            return work.apply(model);
        }, worker);
    }

    /** Stops what the model is computing now (a step or prefill), from any thread. */
    public void cancelRun() {
        LanguageModel m = model;
        if (m != null) {
            m.cancel();
        }
    }

    private void closeCurrent() {
        if (model != null) {
            try {
                model.close();
            } finally {
                model = null;
            }
        }
    }

    static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Closes the model on its thread and stops the threads; waits a few seconds at most. */
    @Override
    public void close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(this::closeCurrent, worker);
        try {
            done.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing must not hang the app's exit
        }
        worker.shutdownNow();
        discovery.shutdownNow();
    }
}
