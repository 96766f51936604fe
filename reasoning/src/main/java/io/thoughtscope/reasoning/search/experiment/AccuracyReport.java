package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.Strategies;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy against test-time compute, one row per strategy: the points of the "accuracy versus
 * tokens" curve, as a table for a terminal and as CSV for plotting.
 *
 * @param rows     in the experiment's strategy order
 * @param failed   runs that failed in this session (they run again next time)
 * @param complete whether every run of the grid is recorded
 */
public record AccuracyReport(List<Row> rows, int failed, boolean complete) {

    /**
     * @param strategy          the spec
     * @param label             its short label
     * @param problems          problems in the grid
     * @param done              problems with a recorded run
     * @param correct           of those, correct
     * @param meanGenerated     tokens sampled per problem (the compute axis)
     * @param meanEvaluated     tokens evaluated per problem
     * @param totalGenerated    tokens sampled over all problems
     * @param meanSeconds       wall time per problem
     */
    public record Row(StrategySpec strategy, String label, int problems, int done, int correct, double meanGenerated,
                      double meanEvaluated, long totalGenerated, double meanSeconds) {
        /** Correct among the recorded runs; NaN before any. */
        public double accuracy() {
            return done == 0 ? Double.NaN : (double) correct / done;
        }
    }

    public AccuracyReport {
        rows = List.copyOf(rows);
    }

    static AccuracyReport of(Experiment experiment, Map<ResumeFile.Key, ResultLine> recorded, int failed) {
        List<Row> rows = new ArrayList<>();
        boolean complete = true;
        for (StrategySpec spec : experiment.strategies()) {
            String text = Strategies.format(spec);
            int done = 0;
            int correct = 0;
            long generated = 0;
            long evaluated = 0;
            long millis = 0;
            for (ExperimentProblem p : experiment.problems()) {
                ResultLine line = recorded.get(new ResumeFile.Key(p.id(), text));
                if (line == null) {
                    complete = false;
                    continue;
                }
                done++;
                correct += line.correct() ? 1 : 0;
                generated += line.generated();
                evaluated += line.evaluated();
                millis += line.wallMillis();
            }
            rows.add(new Row(spec, Strategies.label(spec), experiment.problems().size(), done, correct,
                    done == 0 ? Double.NaN : (double) generated / done, done == 0 ? Double.NaN : (double) evaluated / done,
                    generated, done == 0 ? Double.NaN : millis / 1000.0 / done));
        }
        return new AccuracyReport(rows, failed, complete);
    }

    /** A table for a terminal. */
    public String table() {
        int width = Math.max(8, rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        width = Math.min(width, 60);
        StringBuilder sb = new StringBuilder();
        String format = "%-" + width + "s  %7s  %7s  %8s  %13s  %13s  %9s%n";
        sb.append(String.format(Locale.ROOT, format, "STRATEGY", "DONE", "CORRECT", "ACCURACY", "TOKENS/PROB", "EVALUATED/PROB",
                "SEC/PROB"));
        for (Row r : rows) {
            String label = r.label().length() > width ? r.label().substring(0, width - 1) + "…" : r.label();
            sb.append(String.format(Locale.ROOT, format, label, r.done() + "/" + r.problems(), r.correct(),
                    Double.isNaN(r.accuracy()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * r.accuracy()),
                    dash(number(r.meanGenerated(), 0)), dash(number(r.meanEvaluated(), 0)), dash(number(r.meanSeconds(), 2))));
        }
        if (!complete) {
            sb.append("incomplete: run the experiment again to finish it");
            sb.append(failed > 0 ? " (" + failed + " failed)" : "").append('\n');
        }
        return sb.toString();
    }

    /** One line per strategy: the curve's points with everything that produced them. */
    public void writeCsv(Appendable out) throws IOException {
        out.append("strategy,spec,problems,done,correct,accuracy,mean_generated_tokens,mean_evaluated_tokens,"
                + "total_generated_tokens,mean_seconds\n");
        for (Row r : rows) {
            out.append(csv(r.label())).append(',').append(csv(Strategies.format(r.strategy()))).append(',')
                    .append(String.valueOf(r.problems())).append(',').append(String.valueOf(r.done())).append(',')
                    .append(String.valueOf(r.correct())).append(',').append(number(r.accuracy(), 4)).append(',')
                    .append(number(r.meanGenerated(), 1)).append(',').append(number(r.meanEvaluated(), 1)).append(',')
                    .append(String.valueOf(r.totalGenerated())).append(',').append(number(r.meanSeconds(), 3)).append('\n');
        }
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String csv(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
