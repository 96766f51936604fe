package io.thoughtscope.reasoning.search.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished runs of an experiment, kept in a JSON Lines file so that a run that stopped
 * (cancelled, crashed, killed) goes on where it stopped. Each line is written whole with one
 * write and forced to disk before the run counts as done; a line cut short by a crash is dropped
 * when the file is opened again, so only that run is done again. Thread-safe.
 */
public final class ResumeFile implements AutoCloseable {

    /** A problem and a strategy (its full text). */
    public record Key(String problem, String strategy) {}

    private final FileChannel channel;
    private final Map<Key, ResultLine> lines = new LinkedHashMap<>();
    private final List<String> damaged = new ArrayList<>();

    private ResumeFile(FileChannel channel) {
        this.channel = channel;
    }

    /** Results kept in memory only (no file was named). */
    public static ResumeFile inMemory() {
        return new ResumeFile(null);
    }

    /** Opens (or creates) the file, reads what is finished and drops a torn last line. */
    public static ResumeFile open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ResumeFile file = new ResumeFile(channel);
        try {
            file.load();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return file;
    }

    private void load() throws IOException {
        long size = channel.size();
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read fully
        }
        byte[] bytes = all.array();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            // a crash in the middle of a write: that run was not done
            damaged.add("an incomplete last line was dropped");
            channel.truncate(end);
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                ResultLine r = ResultLine.parse(line);
                lines.put(new Key(r.problem(), r.strategy()), r);
            } catch (IllegalArgumentException e) {
                damaged.add("line " + number + ": " + e.getMessage());
            }
        }
        channel.position(end);
    }

    public synchronized boolean contains(Key key) {
        return lines.containsKey(key);
    }

    public synchronized ResultLine get(Key key) {
        return lines.get(key);
    }

    /** Every finished run, in the order the file holds them. */
    public synchronized List<ResultLine> lines() {
        return List.copyOf(lines.values());
    }

    /** What could not be read back (a torn last line, a damaged line). */
    public synchronized List<String> damaged() {
        return List.copyOf(damaged);
    }

    /** Records a finished run: on disk (one write, forced) before it counts. */
    public synchronized void append(ResultLine line) throws IOException {
        if (channel != null) {
            ByteBuffer bytes = ByteBuffer.wrap((line.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
        lines.put(new Key(line.problem(), line.strategy()), line);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
