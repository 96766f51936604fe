package io.thoughtscope.runtime.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the parts of split models ({@code name-00001-of-00003.gguf}, as llama.cpp's gguf-split names them) into
 * one model each; llama.cpp opens a split model by its first part.
 */
final class SplitGguf {
    private static final Pattern PART = Pattern.compile("(?i)(.+)-(\\d{5})-of-(\\d{5})\\.gguf");

    /**
     * A model made of one or more files.
     *
     * @param stem    the file name without {@code .gguf} and without the split suffix
     * @param problem missing parts, or null
     */
    record Group(String stem, List<Path> parts, String problem) {
    }

    private SplitGguf() {
    }

    static List<Group> group(List<Path> files) {
        Map<String, List<Path>> splits = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher part = PART.matcher(name);
            if (part.matches()) {
                String key = file.resolveSibling(part.group(1)) + "\u0000" + part.group(3);
                splits.computeIfAbsent(key, _ -> new ArrayList<>()).add(file);
            } else {
                groups.add(new Group(name.substring(0, name.length() - ".gguf".length()), List.of(file), null));
            }
        }
        for (List<Path> parts : splits.values()) {
            groups.add(splitGroup(parts));
        }
        return groups;
    }

    private static Group splitGroup(List<Path> parts) {
        parts.sort(null);
        Matcher first = PART.matcher(parts.getFirst().getFileName().toString());
        first.matches();
        String stem = first.group(1);
        int total = Integer.parseInt(first.group(3));
        List<Path> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int number = 1; number <= total; number++) {
            String expected = String.format(Locale.ROOT, "-%05d-of-%05d.gguf", number, total);
            Path found = parts.stream().filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(expected)).findFirst().orElse(null);
            if (found == null) {
                missing.add(number + "");
            } else {
                ordered.add(found);
            }
        }
        String problem = null;
        if (total == 0) {
            problem = "split file names claim 0 parts";
        } else if (!missing.isEmpty()) {
            problem = "split model of " + total + " parts is missing part" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing);
        }
        return new Group(stem, ordered.isEmpty() ? parts : ordered, problem);
    }
}
