package io.thoughtscope.app;

import io.thoughtscope.app.cli.ThoughtscopeCommand;
import io.thoughtscope.app.ui.ThoughtscopeApp;

/**
 * Entry point: no arguments open the desktop app; anything else runs the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ThoughtscopeApp.launchApp(null);
            return;
        }
        System.exit(ThoughtscopeCommand.run(args));
    }
}
