package io.thoughtscope.app.cli;

/** Exit codes that scripts can rely on; the same for every subcommand. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Nothing usable came out: a file could not be read, a lexicon is broken, an internal error. */
    public static final int FAILED = 1;
    /** The command line was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Done, but some input records were malformed and skipped (each is reported on stderr). */
    public static final int PARTIAL = 3;

    private ExitCodes() {
    }

    static final String HELP = """
            Exit codes:
              0  success
              1  failure (unreadable input, nothing analysed, internal error)
              2  usage error
              3  partial: some records were malformed and skipped, the rest was processed""";
}
