package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Segment;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A reasoning trace as the user reads it: steps tinted by label with the label in the gutter,
 * moment phrases highlighted with their icon in the gutter, answer candidates boxed green or
 * red, think tags dimmed. Below the text, a line tells what is under the caret: the step's
 * label and the evidence behind it, and any moment there. Rendering only; the state lives in a
 * {@link TraceViewModel}.
 */
public final class TraceView extends BorderPane {

    private final TraceViewModel model;
    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final Label info = new Label();
    private final Label placeholderText = new Label();
    private Node placeholder = placeholderText;
    private final StackPane center;
    private List<TraceViewModel.LineInfo> lines = List.of();

    public TraceView(TraceViewModel model) {
        this.model = model;
        getStyleClass().add("trace-view");
        getStylesheets().add(ViewerStyles.stylesheet());

        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("trace-area");
        area.setParagraphGraphicFactory(this::gutter);
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);

        placeholderText.getStyleClass().add("trace-placeholder");
        placeholderText.setWrapText(true);
        placeholderText.setMaxWidth(560);
        center = new StackPane(scroll, placeholder);
        setCenter(center);

        info.getStyleClass().add("trace-info");
        info.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(info);
        HBox.setHgrow(info, Priority.ALWAYS);
        bar.getStyleClass().add("trace-info-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        setBottom(bar);

        model.analysisProperty().addListener((_, _, a) -> showAnalysis(a));
        model.showLabelsProperty().addListener((_, _, _) -> refreshAll());
        model.showMomentsProperty().addListener((_, _, _) -> refreshAll());
        model.showAnswersProperty().addListener((_, _, _) -> restyle());
        model.currentMomentProperty().addListener((_, _, m) -> {
            restyle();
            if (m != null) {
                reveal(m);
            }
        });
        area.caretPositionProperty().addListener((_, _, pos) -> describe(pos));
        showAnalysis(model.getAnalysis());
    }

    /** The text shown while no trace is loaded. */
    public void setPlaceholderText(String text) {
        placeholderText.setText(text);
        setPlaceholder(placeholderText);
    }

    /** What is shown while no trace is loaded (a welcome with actions, for example). */
    public void setPlaceholder(Node node) {
        boolean visible = placeholder.isVisible();
        center.getChildren().remove(placeholder);
        placeholder = node;
        placeholder.setVisible(visible);
        center.getChildren().add(placeholder);
    }

    /** The text area, for the app's own key bindings and for tests. */
    public StyleClassedTextArea area() {
        return area;
    }

    public String infoText() {
        return info.getText();
    }

    private void showAnalysis(TraceAnalysis a) {
        lines = model.lines();
        if (a == null) {
            area.clear();
            placeholder.setVisible(true);
            info.setText("");
            return;
        }
        placeholder.setVisible(false);
        area.replaceText(a.trace().text());
        restyle();
        area.moveTo(0);
        area.requestFollowCaret();
        info.setText(summary(a));
    }

    private void restyle() {
        TraceAnalysis a = model.getAnalysis();
        if (a == null || a.trace().text().isEmpty()) {
            return;
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        for (StyledRun r : model.styleRuns()) {
            b.add(r.styleClasses(), r.length());
        }
        StyleSpans<Collection<String>> spans = b.create();
        area.setStyleSpans(0, spans);
    }

    /** Restyles the text and rebuilds the gutter (its content depends on the toggles). */
    private void refreshAll() {
        restyle();
        area.setParagraphGraphicFactory(null);
        area.setParagraphGraphicFactory(this::gutter);
    }

    private void reveal(Moment m) {
        int at = m.anchor().start();
        area.moveTo(at);
        area.selectRange(m.anchor().end(), at); // anchor, then caret: the caret sits at the phrase start
        int par = area.offsetToPosition(at, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        area.showParagraphAtCenter(par);
        describe(at);
    }

    private void describe(int offset) {
        TraceAnalysis a = model.getAnalysis();
        if (a == null) {
            return;
        }
        Segment s = model.segmentAt(offset);
        if (s == null) {
            info.setText(summary(a));
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Step ").append(s.index() + 1).append(" of ").append(a.segments().size())
                .append(" · ").append(s.label().displayName()).append(" — ").append(describe(s.evidence().getFirst()));
        for (Moment m : model.momentsAt(offset)) {
            sb.append("  ·  ").append(m.type().displayName()).append(": \"").append(m.anchor().of(a.trace().text())).append('"');
            if (m.entropy().isPresent()) {
                sb.append(String.format(" (entropy %.2f)", m.entropy().getAsDouble()));
            }
        }
        info.setText(sb.toString());
    }

    private static String describe(Evidence e) {
        return switch (e.rule()) {
            case "cue" -> "cue \"" + e.matched() + "\"";
            case "equation" -> "equation " + e.matched();
            case "boxed" -> "boxed answer";
            default -> e.matched();
        };
    }

    private static String summary(TraceAnalysis a) {
        var m = a.metrics();
        String moments = a.moments().stream().collect(Collectors.groupingBy(Moment::type, Collectors.counting()))
                .entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().displayName()).collect(Collectors.joining(", "));
        return m.steps() + " steps · " + m.words() + " words" + (moments.isEmpty() ? "" : " · " + moments);
    }

    /** The gutter beside one line: a bar in the step's colour, the label where a step starts, moment icons. */
    private Node gutter(int line) {
        HBox box = new HBox(4);
        box.getStyleClass().add("trace-gutter");
        box.setAlignment(Pos.TOP_RIGHT);
        Label name = new Label();
        name.getStyleClass().add("gutter-label");
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox icons = new HBox(1);
        icons.setAlignment(Pos.TOP_RIGHT);
        icons.getStyleClass().add("gutter-icons");
        Region bar = new Region();
        bar.getStyleClass().add("gutter-bar");
        if (line < lines.size()) {
            TraceViewModel.LineInfo li = lines.get(line);
            if (li.label() != null) {
                bar.getStyleClass().add(StyleClasses.step(li.label()));
                if (li.stepStart() && model.showLabelsProperty().get()) {
                    name.setText(Glyphs.shortName(li.label()));
                    name.getStyleClass().add(StyleClasses.step(li.label()));
                }
            }
            if (model.showMomentsProperty().get()) {
                for (MomentType t : li.moments()) {
                    icons.getChildren().add(Glyphs.icon(t));
                }
            }
        }
        box.getChildren().addAll(icons, name, bar);
        return box;
    }
}
