package io.thoughtscope.runtime.discovery;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds {@code .gguf} files under a folder, following links (Hugging Face snapshots are links into a blob store)
 * and skipping hidden folders, within the search budget's depth, entry and time limits.
 */
final class GgufFileWalker {

    /** What a walk found: readable files, and .gguf links whose target is missing (an unfinished download). */
    record Found(List<Path> files, List<Path> brokenLinks) {
    }

    private GgufFileWalker() {
    }

    static boolean isGguf(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf");
    }

    static Found walk(Path root, SearchBudget budget) {
        List<Path> files = new ArrayList<>();
        List<Path> broken = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), budget.maxDepth(),
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!budget.visit()) {
                                return FileVisitResult.TERMINATE;
                            }
                            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!budget.visit()) {
                                return FileVisitResult.TERMINATE;
                            }
                            if (attrs.isRegularFile() && isGguf(file)) {
                                files.add(file);
                            } else if (attrs.isSymbolicLink() && isGguf(file)) {
                                // when following links, the walker reports a dangling link with its own attributes
                                broken.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException failure) {
                            if (isGguf(file) && failure instanceof NoSuchFileException) {
                                broken.add(file);
                            } else if (failure instanceof AccessDeniedException) {
                                budget.note("cannot read " + file + ": permission denied");
                            } else if (!(failure instanceof FileSystemLoopException)) {
                                budget.note("cannot read " + file + ": " + failure.getMessage());
                            }
                            return budget.exhausted() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            budget.note("cannot search " + root + ": " + e.getMessage());
        }
        files.sort(null);
        broken.sort(null);
        return new Found(files, broken);
    }
}
