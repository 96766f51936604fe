package io.thoughtscope.app;

import io.thoughtscope.reasoning.analysis.Lexicon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lexicon the app uses: the built-in cues, the user's lexicon file if there is one, and any given files. */
public final class Lexicons {

    private Lexicons() {
    }

    /**
     * @throws Lexicon.LexiconException for a missing file or a line that is not a cue (the message
     *                                  names the file and line)
     */
    public static Lexicon load(List<Path> extra) throws IOException {
        List<Path> files = new ArrayList<>();
        Path user = AppDirs.userLexicon();
        if (Files.isRegularFile(user)) {
            files.add(user);
        }
        files.addAll(extra);
        try {
            return Lexicon.builtInPlus(files);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Lexicon.LexiconException("lexicon file not found: " + e.getFile());
        }
    }
}
