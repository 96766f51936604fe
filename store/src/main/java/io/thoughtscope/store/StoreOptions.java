package io.thoughtscope.store;

import java.time.Duration;

/**
 * How a store opens its database and writes to it.
 *
 * @param busyTimeout    how long a write waits for another process's write to end
 * @param flushInterval  how often a {@link RunRecorder} commits what a live run produced (the
 *                       crash-loss bound, a power loss included: see {@link #durable})
 * @param staleAfter     a RUNNING run whose writer cannot be checked (another host) is taken as
 *                       abandoned when its heartbeat is older than this
 * @param durable        {@code synchronous=FULL}: every commit reaches the disk before it
 *                       returns, so a power loss loses at most one flush interval; with false
 *                       ({@code NORMAL}) a process crash still loses nothing committed, but a
 *                       power loss may lose the commits since the last checkpoint
 * @param maxPageCount   a size limit in pages of 4 KiB (0: none); for tests of a full disk
 * @param backupBeforeMigration copy the database into {@code backups/} before a schema upgrade
 */
public record StoreOptions(Duration busyTimeout, Duration flushInterval, Duration staleAfter, boolean durable,
                           long maxPageCount, boolean backupBeforeMigration) {

    public StoreOptions {
        if (busyTimeout.isNegative() || flushInterval.isNegative() || flushInterval.isZero() || staleAfter.isNegative()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (maxPageCount < 0) {
            throw new IllegalArgumentException("maxPageCount must not be negative");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(Duration.ofSeconds(15), Duration.ofMillis(250), Duration.ofSeconds(30), true, 0, true);
    }

    public StoreOptions withBusyTimeout(Duration d) {
        return new StoreOptions(d, flushInterval, staleAfter, durable, maxPageCount, backupBeforeMigration);
    }

    public StoreOptions withFlushInterval(Duration d) {
        return new StoreOptions(busyTimeout, d, staleAfter, durable, maxPageCount, backupBeforeMigration);
    }

    public StoreOptions withStaleAfter(Duration d) {
        return new StoreOptions(busyTimeout, flushInterval, d, durable, maxPageCount, backupBeforeMigration);
    }

    public StoreOptions withDurable(boolean value) {
        return new StoreOptions(busyTimeout, flushInterval, staleAfter, value, maxPageCount, backupBeforeMigration);
    }

    public StoreOptions withMaxPageCount(long pages) {
        return new StoreOptions(busyTimeout, flushInterval, staleAfter, durable, pages, backupBeforeMigration);
    }

    public StoreOptions withBackupBeforeMigration(boolean value) {
        return new StoreOptions(busyTimeout, flushInterval, staleAfter, durable, maxPageCount, value);
    }
}
