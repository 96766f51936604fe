package io.thoughtscope.app.cli;

import io.thoughtscope.app.LocalModels;
import io.thoughtscope.app.ServerSettings;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.runtime.remote.RemoteEngine;
import io.thoughtscope.runtime.remote.ServerSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoublePredicate;

/** Opens the model a command asked for: a local GGUF file, or a model on a named server. */
final class Engines {

    private Engines() {
    }

    static LanguageModel open(Path model, String server, EngineOptions engine, int sequences, DoublePredicate progress) {
        if (server != null) {
            return RemoteEngine.connect(spec(server));
        }
        return LocalModels.open(model, engine.toLlamaOptions(sequences), progress);
    }

    static ServerSpec spec(String server) {
        try {
            return ServerSettings.inConfigFolder().spec(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server settings: " + e.getMessage(), e);
        }
    }

    /** Checks the names before anything runs; throws IllegalArgumentException for an unknown one. */
    static List<ServerSpec> specs(List<String> servers) {
        return servers.stream().map(Engines::spec).toList();
    }

    /** What a stored run says about its model. */
    static ModelRef ref(LanguageModel lm, Path model) {
        if (lm instanceof RemoteEngine r) {
            return new ModelRef(lm.info().name(), r.spec().baseUrl().toString(), "openai:" + r.server().kind().key(), "remote");
        }
        return new ModelRef(lm.info().name(), model.toAbsolutePath().toString(), "llama.cpp", lm.info().backend());
    }

    /** One line on what was opened. */
    static String describe(LanguageModel lm) {
        if (lm instanceof RemoteEngine r) {
            return lm.info().name() + " on " + r.spec().name() + " (" + r.server().kind().key() + ", " + r.spec().baseUrl() + ")";
        }
        return lm.info().name() + " on " + lm.info().backend()
                + (lm.info().layersOffloaded() > 0 ? " (" + lm.info().layersOffloaded() + "/" + lm.info().layers() + " layers on the GPU)" : "");
    }
}
