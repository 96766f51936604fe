package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceMetrics;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.model.Verdict;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The side panel of a trace: its verdict and final answer, figures, the label legend with step
 * counts, the moments (click one to jump to it) and the answer candidates in order.
 */
public final class TraceSummaryView extends VBox {

    private final TraceViewModel model;
    private final Label verdict = new Label();
    private final GridPane figures = new GridPane();
    private final VBox legend = new VBox(3);
    private final ListView<Moment> moments = new ListView<>();
    private final VBox answers = new VBox(3);
    private final Label momentsTitle = section("Moments");

    public TraceSummaryView(TraceViewModel model) {
        this.model = model;
        getStyleClass().add("trace-summary");
        getStylesheets().add(ViewerStyles.stylesheet());
        setSpacing(8);

        verdict.getStyleClass().add("summary-verdict");
        verdict.setWrapText(true);
        figures.getStyleClass().add("summary-figures");
        figures.setHgap(12);
        figures.setVgap(2);

        moments.getStyleClass().add("summary-moments");
        moments.setPlaceholder(new Label("No moments found"));
        moments.setCellFactory(_ -> new MomentCell());
        moments.setPrefHeight(180);
        VBox.setVgrow(moments, Priority.ALWAYS);
        moments.getSelectionModel().selectedItemProperty().addListener((_, _, m) -> {
            if (m != null && model.currentMoment().orElse(null) != m) {
                model.jumpTo(m);
            }
        });
        model.currentMomentProperty().addListener((_, _, m) -> {
            if (m != null) {
                moments.getSelectionModel().select(m);
                moments.scrollTo(m);
            }
        });

        VBox top = new VBox(8, verdict, section("Figures"), figures, section("Steps by label"), legend,
                section("Answers"), answers);
        top.setPadding(new javafx.geometry.Insets(0, 16, 0, 0)); // keep counts clear of the scroll bar
        ScrollPane topScroll = new ScrollPane(top);
        topScroll.setFitToWidth(true);
        topScroll.getStyleClass().add("edge-to-edge");
        topScroll.setPrefViewportHeight(380);
        getChildren().addAll(topScroll, momentsTitle, moments);
        // nothing to summarise before a trace is open
        topScroll.visibleProperty().bind(model.analysisProperty().isNotNull());
        momentsTitle.visibleProperty().bind(model.analysisProperty().isNotNull());
        moments.visibleProperty().bind(model.analysisProperty().isNotNull());

        model.analysisProperty().addListener((_, _, a) -> show(a));
        show(model.getAnalysis());
    }

    public ListView<Moment> momentList() {
        return moments;
    }

    public String verdictText() {
        return verdict.getText();
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("summary-section");
        return l;
    }

    private void show(TraceAnalysis a) {
        figures.getChildren().clear();
        legend.getChildren().clear();
        answers.getChildren().clear();
        verdict.getStyleClass().removeIf(c -> c.startsWith("answer-"));
        if (a == null) {
            verdict.setText("No trace");
            verdict.setGraphic(null);
            moments.getItems().clear();
            return;
        }
        TraceMetrics m = a.metrics();
        Answer fin = a.finalAnswer();
        String v;
        if (a.trace().completeness() == Completeness.THINKING_CUT_OFF) {
            v = "Cut off inside the thinking: no final answer";
        } else if (fin == null) {
            v = "No final answer found";
        } else {
            v = "Final answer: " + fin.raw();
        }
        if (a.verdict() != Verdict.UNGRADED) {
            v += a.verdict() == Verdict.CORRECT ? "  — correct" : "  — incorrect (truth: " + a.groundTruth() + ")";
        }
        verdict.setText(v);
        verdict.setGraphic(Glyphs.icon(a.verdict()));
        verdict.getStyleClass().add(StyleClasses.answer(a.verdict()));

        int row = 0;
        row = figure(row, "Words", m.thinkingWords() + " thinking · " + m.answerWords() + " answer");
        if (m.tokens() >= 0) {
            row = figure(row, "Tokens", String.valueOf(m.tokens()));
        }
        row = figure(row, "Steps", String.valueOf(m.steps()));
        row = figure(row, "Moments", m.moments() + String.format(Locale.ROOT, " (%.1f per 1,000 words)", m.momentsPer1kWords()));
        row = figure(row, "Answer switches", String.valueOf(m.answerSwitches()));
        if (m.firstCorrectCandidate() >= 0) {
            row = figure(row, "After first correct", m.wordsAfterFirstCorrect() + " words"
                    + String.format(Locale.ROOT, " (%.0f%% of thinking)", 100 * m.overthinkingRatio()));
        }
        figure(row, "Completeness", describe(m.completeness()));

        for (StepLabel l : StepLabel.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", StyleClasses.step(l));
            Label name = new Label(l.displayName());
            Label count = new Label(String.valueOf(m.steps(l)));
            count.getStyleClass().add("legend-count");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox rowBox = new HBox(6, swatch, name, gap, count);
            rowBox.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(rowBox);
        }

        if (a.candidates().isEmpty()) {
            answers.getChildren().add(new Label("No answer candidates"));
        }
        for (Answer c : a.candidates()) {
            Label l = new Label(c.raw() + "   (" + c.region().name().toLowerCase(Locale.ROOT) + ", " + c.form().name().toLowerCase(Locale.ROOT) + ")");
            l.setGraphic(Glyphs.icon(c.verdict()));
            l.getStyleClass().add("summary-answer");
            if (c == fin || (fin != null && c.span().equals(fin.span()))) {
                l.getStyleClass().add("final");
            }
            answers.getChildren().add(l);
        }
        momentsTitle.setText("Moments (" + a.moments().size() + ")");
        moments.getItems().setAll(a.moments());
    }

    private int figure(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("figure-name");
        Label v = new Label(value);
        v.getStyleClass().add("figure-value");
        figures.addRow(row, n, v);
        return row + 1;
    }

    private static String describe(Completeness c) {
        return switch (c) {
            case COMPLETE -> "complete";
            case THINKING_CUT_OFF -> "cut off in the thinking";
            case NO_ANSWER -> "no answer after the thinking";
            case NO_THINKING -> "no thinking marked";
        };
    }

    private final class MomentCell extends ListCell<Moment> {
        @Override
        protected void updateItem(Moment m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null || model.getAnalysis() == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String text = model.getAnalysis().trace().text();
            String phrase = m.anchor().of(text).replace('\n', ' ');
            if (phrase.length() > 48) {
                phrase = phrase.substring(0, 45) + "...";
            }
            String where = m.segment() >= 0 ? "step " + (m.segment() + 1) : "steps " + stepRange(m);
            setText(m.type().displayName() + " · \"" + phrase + "\" · " + where);
            setGraphic(Glyphs.icon(m.type()));
        }

        private String stepRange(Moment m) {
            var a = model.getAnalysis();
            var first = a.segmentAt(m.span().start());
            var last = a.segmentAt(Math.max(m.span().start(), m.span().end() - 1));
            return (first == null ? "?" : String.valueOf(first.index() + 1)) + "–" + (last == null ? "?" : String.valueOf(last.index() + 1));
        }
    }
}
