package io.thoughtscope.app.cli;

import java.io.PrintWriter;
import java.util.Map;

/** RFC 4180 CSV: a header from the first row's keys, fields quoted when they need it. */
final class CsvWriter {

    private final PrintWriter out;
    private boolean headerDone;

    CsvWriter(PrintWriter out) {
        this.out = out;
    }

    void row(Map<String, Object> row) {
        if (!headerDone) {
            out.println(String.join(",", row.keySet().stream().map(CsvWriter::field).toList()));
            headerDone = true;
        }
        out.println(String.join(",", row.values().stream().map(v -> field(v == null ? "" : String.valueOf(v))).toList()));
    }

    static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
