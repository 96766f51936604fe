package io.thoughtscope.store;

import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * A store operation that could not be done, with a message written for the user: what failed,
 * why, and what is kept. {@link #reason()} lets callers react (a full disk ends an import, a
 * newer schema ends the program).
 */
public final class StoreException extends RuntimeException {

    /** Why an operation failed. */
    public enum Reason {
        /** The disk, or the database's size limit, is full. */
        FULL,
        /** Another connection kept the database locked longer than the busy timeout. */
        BUSY,
        /** The file or its folder cannot be written. */
        READ_ONLY,
        /** The file was written by a newer Thoughtscope. */
        NEWER_SCHEMA,
        /** The file is not an SQLite database. */
        NOT_A_DATABASE,
        /** The file is an SQLite database of some other program. */
        NOT_OURS,
        /** The database is damaged. */
        DAMAGED,
        /** A session, run or file that was asked for does not exist. */
        NOT_FOUND,
        /** Reading or writing a file failed. */
        IO,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Translates an SQLite failure met while {@code doing} something ("saving run 0190..."). */
    static StoreException of(String doing, SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code & 0xFF : e.getErrorCode() & 0xFF;
        String detail = detail(e);
        return switch (code) {
            case 13 -> new StoreException(Reason.FULL, "The disk is full, or the database reached its size limit, while "
                    + doing + ". That was not saved; everything saved before is kept.", e);
            case 5, 6 -> new StoreException(Reason.BUSY, "The database stayed locked by another process while " + doing
                    + "; try again when it is done.", e);
            case 8 -> new StoreException(Reason.READ_ONLY, "The database cannot be written (" + detail + ") while " + doing
                    + ". Check the permissions of the file and its folder.", e);
            case 11 -> new StoreException(Reason.DAMAGED, "The database file is damaged (" + detail + "), found while " + doing
                    + ". Run 'thoughtscope db check', or restore a backup with 'thoughtscope db restore'.", e);
            case 26 -> new StoreException(Reason.NOT_A_DATABASE, "The file is not an SQLite database (" + detail
                    + "), found while " + doing + ".", e);
            case 10, 14 -> new StoreException(Reason.IO, "A disk error stopped " + doing + ": " + detail + ".", e);
            default -> new StoreException(Reason.FAILED, "Database error while " + doing + ": " + detail + ".", e);
        };
    }

    /** The words of SQLite's message without the JDBC driver's prefix. */
    private static String detail(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.startsWith("[SQLITE_")) {
            int close = m.indexOf(']');
            m = m.substring(close + 1).strip();
        }
        int open = m.lastIndexOf('(');
        if (open > 0 && m.endsWith(")")) {
            // "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"
            String inner = m.substring(open + 1, m.length() - 1).strip();
            if (!inner.isEmpty()) {
                return inner;
            }
        }
        return m;
    }
}
