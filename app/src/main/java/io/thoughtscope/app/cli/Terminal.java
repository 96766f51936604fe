package io.thoughtscope.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** What the command line knows about where it prints: colours, and a progress line for long work. */
final class Terminal {

    private final PrintWriter err;
    private final boolean interactive;
    private int lastPercent = -1;

    private Terminal(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    static Terminal detect(PrintWriter err) {
        var console = System.console();
        boolean tty = console != null && console.isTerminal();
        return new Terminal(err, tty);
    }

    /** Colours on a terminal, unless NO_COLOR is set. */
    boolean colors() {
        return interactive && System.getenv("NO_COLOR") == null;
    }

    /** Loading progress: a rewritten line on a terminal, nothing otherwise. Never cancels. */
    boolean progress(double fraction) {
        int p = (int) Math.round(fraction * 100);
        if (interactive && p != lastPercent) {
            lastPercent = p;
            err.printf(Locale.ROOT, "\rLoading model… %3d%%", p);
            err.flush();
        }
        return true;
    }

    void doneLoading(String what) {
        if (interactive) {
            err.print("\r\u001B[2K");
        }
        err.println("Loaded " + what);
        err.flush();
    }
}
