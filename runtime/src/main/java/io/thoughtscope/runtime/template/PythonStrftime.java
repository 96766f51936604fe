package io.thoughtscope.runtime.template;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale, for the {@code strftime_now} global that
 * Llama and Mistral templates use for today's date; glibc's {@code %-d} (no padding) included.
 */
final class PythonStrftime {

    private PythonStrftime() {
    }

    static String format(String pattern, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                continue;
            }
            char code = pattern.charAt(++i);
            boolean unpadded = false;
            if (code == '-' && i + 1 < pattern.length()) {
                unpadded = true;
                code = pattern.charAt(++i);
            }
            String field = field(code, t);
            if (field == null) {
                out.append('%').append(unpadded ? "-" : "").append(code);
            } else {
                out.append(unpadded ? stripZeros(field) : field);
            }
        }
        return out.toString();
    }

    private static String field(char code, ZonedDateTime t) {
        return switch (code) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'm' -> two(t.getMonthValue());
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> Integer.toString(t.getYear());
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'f' -> String.format("%06d", t.getNano() / 1000);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'z' -> offset(t.getOffset().getTotalSeconds());
            case 'Z' -> t.getZone().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'c' -> field('a', t) + " " + field('b', t) + " " + field('e', t) + " "
                    + field('H', t) + ":" + field('M', t) + ":" + field('S', t) + " " + field('Y', t);
            case 'x' -> field('m', t) + "/" + field('d', t) + "/" + field('y', t);
            case 'X' -> field('H', t) + ":" + field('M', t) + ":" + field('S', t);
            case 'D' -> field('x', t);
            case 'F' -> field('Y', t) + "-" + field('m', t) + "-" + field('d', t);
            case 'T' -> field('X', t);
            case 's' -> Long.toString(t.toEpochSecond());
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String offset(int seconds) {
        int abs = Math.abs(seconds);
        return (seconds < 0 ? "-" : "+") + two(abs / 3600) + two(abs % 3600 / 60);
    }

    private static String stripZeros(String field) {
        String s = field.strip();
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
