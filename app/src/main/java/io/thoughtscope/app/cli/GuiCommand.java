package io.thoughtscope.app.cli;

import io.thoughtscope.app.ui.ThoughtscopeApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code thoughtscope gui [FILE]}: opens the desktop app, optionally with a trace file. */
@Command(name = "gui", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = "Open the desktop app (what running thoughtscope without a command does), optionally with a trace file.")
public final class GuiCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A trace file to open (JSON, JSONL or text).")
    Path file;

    @Override
    public Integer call() {
        ThoughtscopeApp.launchApp(file);
        return ExitCodes.OK;
    }
}
