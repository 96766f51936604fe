package io.thoughtscope.app.services;

import io.thoughtscope.app.LocalModels;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.runtime.discovery.ModelRoots;
import io.thoughtscope.runtime.gguf.RandomModels;
import io.thoughtscope.runtime.llama.LlamaOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's model service with a real tiny model; the UI executor runs tasks directly. */
class ModelServiceTest {

    @TempDir
    Path dir;

    private ModelService service;

    private ModelService service() {
        service = new ModelService(Runnable::run, (p, progress) -> LocalModels.open(p,
                LlamaOptions.defaults().withContext(256).withThreads(1).withMaxSequences(4), progress));
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void loadsAModelReportsProgressAndRunsWorkOnIt() throws Exception {
        Path model = dir.resolve("m.gguf");
        RandomModels.write(RandomModels.tiny("llama", 1), model);
        ModelService s = service();
        var info = s.load(model).get(60, TimeUnit.SECONDS);
        assertThat(info.architecture()).isEqualTo("llama");
        assertThat(s.infoProperty().get()).isEqualTo(info);
        assertThat(s.pathProperty().get()).isEqualTo(model);
        assertThat(s.loadingProperty().get()).isFalse();
        assertThat(s.progressProperty().get()).isEqualTo(1.0);
        int token = s.submit(lm -> lm.step(List.of(new StepRequest(lm.prefill(new int[] {1, 2, 3}),
                SamplingParams.greedy(), 0))).getFirst().token().id()).get(30, TimeUnit.SECONDS);
        assertThat(token).isNotNegative();
    }

    @Test
    void aBadFileIsAnErrorSentenceAndNoModelIsLoaded() throws IOException {
        Path bad = dir.resolve("bad.gguf");
        Files.writeString(bad, "not a model");
        ModelService s = service();
        assertThatThrownBy(() -> s.load(bad).get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(s.errorProperty().get()).contains("bad.gguf").contains("not a GGUF file");
        assertThat(s.infoProperty().get()).isNull();
        assertThatThrownBy(() -> s.submit(lm -> 1).get(10, TimeUnit.SECONDS)).hasMessageContaining("no model is loaded");
    }

    @Test
    void aCancelledLoadIsNoErrorAndLeavesNoModel() throws Exception {
        Path model = dir.resolve("m.gguf");
        RandomModels.write(RandomModels.tiny("qwen2", 2), model);
        ModelService[] holder = new ModelService[1];
        // the user presses cancel while the file is being opened
        service = new ModelService(Runnable::run, (p, progress) -> {
            holder[0].cancelLoad();
            return LocalModels.open(p, LlamaOptions.defaults().withContext(256).withThreads(1).withMaxSequences(2), progress);
        });
        holder[0] = service;
        assertThatThrownBy(() -> service.load(model).get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(service.errorProperty().get()).isNull();
        assertThat(service.infoProperty().get()).isNull();
        assertThat(service.loadingProperty().get()).isFalse();
    }

    @Test
    void findsModelsInAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("models"));
        RandomModels.write(RandomModels.tiny("qwen3", 3), folder.resolve("a.gguf"));
        ModelService s = service();
        var found = s.discover(ModelRoots.none().withFolders(List.of(folder))).get(30, TimeUnit.SECONDS);
        assertThat(found).hasSize(1);
        assertThat(s.discovered()).hasSize(1);
        assertThat(s.discoveringProperty().get()).isFalse();
    }
}
