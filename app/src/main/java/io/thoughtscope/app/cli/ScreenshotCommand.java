package io.thoughtscope.app.cli;

import io.thoughtscope.app.ui.Screenshots;
import io.thoughtscope.viewer.theme.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * {@code thoughtscope screenshot}: renders the window without a display (JavaFX's headless
 * platform) to a PNG, for documentation and for looking at a change.
 */
@Command(name = "screenshot", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Render the window to a PNG without a display (JavaFX headless platform).",
                "Without FILE the built-in example traces are shown."})
public final class ScreenshotCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A trace file to show.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "PNG", defaultValue = "thoughtscope.png", description = "Where to write the PNG (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light", description = "light or dark (default: ${DEFAULT-VALUE}).")
    Theme theme;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1440x900", description = "Window size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--record", paramLabel = "N", defaultValue = "1", description = "Which trace of the file to show, from 1 (default: ${DEFAULT-VALUE}).")
    int record;

    @Option(names = "--moment", paramLabel = "K", defaultValue = "0", description = "Jump to the K-th moment before the shot, 0 for none.")
    int moment;

    @Option(names = "--ground-truth", paramLabel = "TEXT", description = "Grade against this answer.")
    String groundTruth;

    @Option(names = "--empty", description = "Show the window as it opens, before any trace.")
    boolean empty;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        if (wh.length != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size must look like 1440x900");
        }
        int w = Integer.parseInt(wh[0].trim());
        int h = Integer.parseInt(wh[1].trim());
        Screenshots.render(new Screenshots.Request(file, empty, theme, w, h, record, moment, groundTruth), output);
        spec.commandLine().getOut().println("wrote " + output.toAbsolutePath());
        return ExitCodes.OK;
    }
}
