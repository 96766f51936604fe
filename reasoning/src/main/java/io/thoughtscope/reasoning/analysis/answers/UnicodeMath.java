package io.thoughtscope.reasoning.analysis.answers;

/** Unicode math symbols and full-width forms to the ASCII/LaTeX spelling the rest expects. */
final class UnicodeMath {

    private UnicodeMath() {
    }

    static String toLatex(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = replacement(c);
            if (rep == null) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '−', '–', '－' -> "-";
            case '×' -> "\\times ";
            case '÷' -> "\\div ";
            case '·', '⋅', '∙' -> "\\cdot ";
            case 'π' -> "\\pi ";
            case '∞' -> "\\infty ";
            case '√' -> "\\sqrt";
            case '±' -> "\\pm ";
            case '∓' -> "\\mp ";
            case '∪' -> "\\cup ";
            case '≤' -> "\\le ";
            case '≥' -> "\\ge ";
            case '≠' -> "\\ne ";
            case '∈' -> "\\in ";
            case '∅' -> "\\emptyset ";
            case '°', '\u200b', '\u200c', '\u200d', '\ufeff' -> "";
            case '％' -> "%";
            case '，' -> ",";
            case '：' -> ":";
            case '；' -> ";";
            case '（' -> "(";
            case '）' -> ")";
            case '［' -> "[";
            case '］' -> "]";
            case '＝' -> "=";
            case '＋' -> "+";
            case '／' -> "/";
            case '。', '．' -> ".";
            case '\u00a0', '\u2009', '\u202f', '\u3000' -> " ";
            default -> c >= '０' && c <= '９' ? String.valueOf((char) (c - '０' + '0')) : null;
        };
    }
}
