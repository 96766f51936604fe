package io.thoughtscope.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who writes a RUNNING run: the host, the process (pid and start time, so a reused pid is not
 * mistaken for the writer) and the recorder within it. Written into the run row, it lets the
 * next process that opens the database tell a live run from one whose writer died.
 *
 * @param host  the host name as the environment gives it, or empty
 * @param pid   the process id
 * @param start the process start in epoch milliseconds, or -1 when the platform does not say
 * @param token the recorder within the process
 */
record ProcessOwner(String host, long pid, long start, String token) {

    /** Recorders alive in this JVM, by token. */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();
    private static final long START = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(-1L);

    /** A new owner for a recorder of this process; it counts as live until {@link #release}. */
    static ProcessOwner claim() {
        ProcessOwner o = new ProcessOwner(HOST, PID, START, UUID.randomUUID().toString());
        LIVE.add(o.token);
        return o;
    }

    void release() {
        LIVE.remove(token);
    }

    String encode() {
        return "host=" + host + ";pid=" + pid + ";start=" + start + ";token=" + token;
    }

    static Optional<ProcessOwner> decode(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String host = "";
        long pid = -1;
        long start = -1;
        String token = "";
        try {
            for (String part : s.split(";")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = part.substring(0, eq);
                String v = part.substring(eq + 1);
                switch (k) {
                    case "host" -> host = v;
                    case "pid" -> pid = Long.parseLong(v);
                    case "start" -> start = Long.parseLong(v);
                    case "token" -> token = v;
                    default -> { }
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return pid < 0 ? Optional.empty() : Optional.of(new ProcessOwner(host, pid, start, token));
    }

    /**
     * Whether the writer of a RUNNING run is gone. On this host the process table decides; for
     * another host (a shared folder) or an unreadable owner, a heartbeat older than
     * {@code staleAfter} does.
     */
    static boolean abandoned(String owner, long heartbeatMillis, Duration staleAfter, long nowMillis) {
        Optional<ProcessOwner> o = decode(owner);
        boolean stale = nowMillis - heartbeatMillis > staleAfter.toMillis();
        if (o.isEmpty()) {
            return stale;
        }
        ProcessOwner w = o.get();
        if (!w.host.isEmpty() && !HOST.isEmpty() && !w.host.equalsIgnoreCase(HOST)) {
            return stale;
        }
        if (w.pid == PID && sameStart(w.start, START)) {
            return !LIVE.contains(w.token); // this process: alive exactly while its recorder is
        }
        Optional<ProcessHandle> p = ProcessHandle.of(w.pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        long start = p.get().info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        if (w.start >= 0 && start >= 0) {
            return !sameStart(w.start, start); // the pid now belongs to another process
        }
        return stale;
    }

    private static boolean sameStart(long a, long b) {
        return a >= 0 && b >= 0 && Math.abs(a - b) < 2_000;
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            h = System.getenv("COMPUTERNAME");
        }
        return h == null ? "" : h.strip().toLowerCase(Locale.ROOT);
    }
}
