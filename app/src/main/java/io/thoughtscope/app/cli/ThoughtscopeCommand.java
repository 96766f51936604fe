package io.thoughtscope.app.cli;

import io.thoughtscope.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level command: {@code thoughtscope [COMMAND]}. */
@Command(name = "thoughtscope",
        mixinStandardHelpOptions = true,
        versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"A desktop lab for LLM reasoning. Without a command, the desktop app opens."},
        subcommands = {AnalyzeCommand.class, RunCommand.class, ExperimentCommand.class, ModelsCommand.class, BenchCommand.class,
                ImportCommand.class, SessionsCommand.class, ExportCommand.class, DbCommand.class, GuiCommand.class,
                ScreenshotCommand.class, ServerCommand.class, PullCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", ExitCodes.HELP})
public final class ThoughtscopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // "thoughtscope" with only options (none given that ended the run): show help
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ThoughtscopeCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (Boolean.getBoolean("thoughtscope.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCodes.FAILED;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // every subcommand inherits --help/--version and the exit-code footer
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().footer("", ExitCodes.HELP);
            for (CommandLine subsub : sub.getSubcommands().values()) {
                subsub.getCommandSpec().usageMessage().footer("", ExitCodes.HELP);
            }
        }
        return cl;
    }

    /** Prints the version and the Java runtime it runs on. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "Thoughtscope " + Version.version(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
