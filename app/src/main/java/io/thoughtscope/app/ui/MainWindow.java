package io.thoughtscope.app.ui;

import io.thoughtscope.icons.AppIcons;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.traces.TraceRecord;
import io.thoughtscope.viewer.theme.Theme;
import io.thoughtscope.viewer.trace.Glyphs;
import io.thoughtscope.viewer.trace.TraceSummaryView;
import io.thoughtscope.viewer.trace.TraceView;
import io.thoughtscope.viewer.trace.ViewerStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The first window: a trace lab. Open or paste traces, see each split into labelled steps with
 * its moments highlighted and its answers marked, and step through the moments.
 */
public final class MainWindow {

    private final LabViewModel model;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final TraceView traceView;
    private final TraceSummaryView summaryView;
    private final ListView<TraceRecord> recordList = new ListView<>();
    private final SplitPane split = new SplitPane();
    private final Label status = new Label();
    private final Preferences prefs;
    private Theme theme;
    private double fontSize = 14;
    private Stage stage;

    public MainWindow(LabViewModel model, Theme theme, Preferences prefs, double width, double height) {
        this.model = model;
        this.theme = theme;
        this.prefs = prefs;
        traceView = new TraceView(model.traceModel());
        traceView.setPlaceholder(welcome());
        summaryView = new TraceSummaryView(model.traceModel());
        summaryView.setMinWidth(280);
        summaryView.setPrefWidth(360);

        recordList.getStyleClass().add("record-list");
        recordList.setItems(model.records());
        recordList.setCellFactory(_ -> new RecordCell());
        recordList.setMinWidth(180);
        recordList.setPrefWidth(230);
        recordList.getSelectionModel().selectedIndexProperty().addListener((_, _, i) -> {
            if (i.intValue() >= 0) {
                model.selectedProperty().set(i.intValue());
            }
        });
        model.selectedProperty().addListener((_, _, i) -> {
            if (i.intValue() >= 0 && recordList.getSelectionModel().getSelectedIndex() != i.intValue()) {
                recordList.getSelectionModel().select(i.intValue());
            }
        });
        model.records().addListener((javafx.collections.ListChangeListener<TraceRecord>) _ -> layoutPanes());
        model.analysedCountProperty().addListener((_, _, _) -> recordList.refresh());

        root.setTop(toolbar());
        layoutPanes();
        root.setCenter(split);
        root.setBottom(statusBar());
        root.getStyleClass().add("ts-palette");
        root.getStylesheets().add(ViewerStyles.stylesheet());

        scene = new Scene(root, width, height);
        theme.apply(scene);
        installShortcuts();
        installDragAndDrop();
        model.errorProperty().addListener((_, _, msg) -> {
            if (msg != null && stage != null && stage.isShowing()) {
                showError(msg);
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public TraceView traceView() {
        return traceView;
    }

    public TraceSummaryView summaryView() {
        return summaryView;
    }

    public ListView<TraceRecord> recordList() {
        return recordList;
    }

    public Theme theme() {
        return theme;
    }

    public void show(Stage stage) {
        this.stage = stage;
        stage.setTitle("Thoughtscope");
        for (URL u : AppIcons.all()) {
            stage.getIcons().add(new Image(u.toExternalForm()));
        }
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
    }

    private void layoutPanes() {
        boolean many = model.records().size() > 1;
        if (many && !split.getItems().contains(recordList)) {
            split.getItems().setAll(recordList, traceView, summaryView);
            split.setDividerPositions(0.17, 0.72);
        } else if (!many && (split.getItems().isEmpty() || split.getItems().contains(recordList))) {
            split.getItems().setAll(traceView, summaryView);
            split.setDividerPositions(0.72);
        }
        SplitPane.setResizableWithParent(recordList, false);
        SplitPane.setResizableWithParent(summaryView, false);
    }

    private ToolBar toolbar() {
        Button open = button("Open", Material2AL.FOLDER_OPEN, "Open a trace file (Ctrl+O)", this::chooseFile);
        Button paste = button("Paste", Material2AL.CONTENT_PASTE, "Analyse the trace on the clipboard (Ctrl+Shift+V)", this::paste);
        Button examples = button("Examples", Material2AL.LIGHTBULB, "Open the example traces (Ctrl+E)", model::openExamples);

        TextField truth = new TextField();
        truth.setPromptText("Ground truth (optional)");
        truth.setPrefColumnCount(12);
        truth.setTooltip(new Tooltip("Grade the answers against this; a file's own ground truth is used when this is empty"));
        truth.setOnAction(_ -> model.groundTruthProperty().set(truth.getText().strip()));
        truth.focusedProperty().addListener((_, _, f) -> {
            if (!f) {
                model.groundTruthProperty().set(truth.getText().strip());
            }
        });
        truth.setId("ground-truth");

        Button prev = iconButton(Material2MZ.NAVIGATE_BEFORE, "Previous moment (Shift+F3)", () -> model.traceModel().previousMoment());
        Button next = iconButton(Material2MZ.NAVIGATE_NEXT, "Next moment (F3)", () -> model.traceModel().nextMoment());
        Label momentLabel = new Label("Moments");
        momentLabel.getStyleClass().add("text-muted");

        CheckBox labels = new CheckBox("Steps");
        labels.selectedProperty().bindBidirectional(model.traceModel().showLabelsProperty());
        labels.setTooltip(new Tooltip("Tint each step by its label"));
        CheckBox moments = new CheckBox("Moments");
        moments.selectedProperty().bindBidirectional(model.traceModel().showMomentsProperty());
        CheckBox answers = new CheckBox("Answers");
        answers.selectedProperty().bindBidirectional(model.traceModel().showAnswersProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button themeButton = iconButton(Material2MZ.NIGHTS_STAY, "Light or dark theme (Ctrl+D)", this::toggleTheme);
        themeButton.setId("theme-toggle");

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());

        ToolBar bar = new ToolBar(open, paste, examples, new Separator(Orientation.VERTICAL), truth,
                new Separator(Orientation.VERTICAL), prev, momentLabel, next, new Separator(Orientation.VERTICAL),
                labels, moments, answers, spacer, busy, themeButton);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    /** What a first-time user sees: what the lab does and the three ways in. */
    private VBox welcome() {
        ImageView icon = new ImageView();
        URL u = AppIcons.resource(128);
        if (u != null) {
            icon.setImage(new Image(u.toExternalForm(), 96, 96, true, true));
        }
        Label title = new Label("See how a reasoning model thinks");
        title.getStyleClass().addAll("title-2", "welcome-title");
        Label text = new Label("Open a reasoning trace to see its steps labelled, its aha, self-verification, "
                + "backtracking and loop moments highlighted, and its answers graded. JSON, JSONL and text "
                + "with <think> tags are read; drop a file anywhere in the window.");
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        text.setMaxWidth(520);
        Button examples = button("Open the examples", Material2AL.LIGHTBULB, "Ctrl+E", model::openExamples);
        examples.getStyleClass().add("accent");
        examples.setDefaultButton(false);
        Button open = button("Open a file…", Material2AL.FOLDER_OPEN, "Ctrl+O", this::chooseFile);
        Button paste = button("Paste a trace", Material2AL.CONTENT_PASTE, "Ctrl+Shift+V", this::paste);
        HBox actions = new HBox(10, examples, open, paste);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, icon, title, text, actions);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(600);
        box.getStyleClass().add("welcome");
        return box;
    }

    private HBox statusBar() {
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("text-muted");
        Hyperlink details = new Hyperlink("details");
        details.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(_ -> showError("Skipped records in " + model.sourceNameProperty().get() + ":\n"
                + LabViewModel.describe(model.problems())));
        Label keys = new Label("F3 next moment · Ctrl+= larger text · Ctrl+D theme");
        keys.getStyleClass().add("text-subtle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, details, spacer, keys);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(_ -> action.run());
        return b;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(_ -> action.run());
        return b;
    }

    private void installShortcuts() {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFile);
        acc.put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::paste);
        acc.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), model::openExamples);
        acc.put(new KeyCodeCombination(KeyCode.F3), () -> model.traceModel().nextMoment());
        acc.put(new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN), () -> model.traceModel().previousMoment());
        acc.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::toggleTheme);
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(-1));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> zoom(0));
        acc.put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), () -> moveRecord(+1));
        acc.put(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), () -> moveRecord(-1));
    }

    private void moveRecord(int delta) {
        int n = model.records().size();
        if (n > 0) {
            model.selectedProperty().set(Math.clamp(model.selectedProperty().get() + delta, 0, n - 1));
        }
    }

    /** Larger text for projectors: Ctrl+= and Ctrl+-, Ctrl+0 resets. */
    void zoom(int dir) {
        fontSize = dir == 0 ? 14 : Math.clamp(fontSize + 2 * dir, 10, 40);
        traceView.area().setStyle("-fx-font-size: " + fontSize + "px;");
    }

    void toggleTheme() {
        theme = theme.other();
        theme.apply(scene);
        if (prefs != null) {
            prefs.put("theme", theme.name());
        }
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open reasoning traces");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Traces (JSON, JSONL, text)", "*.jsonl", "*.json", "*.txt", "*.md"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        String last = prefs == null ? null : prefs.get("lastFolder", null);
        if (last != null && new File(last).isDirectory()) {
            fc.setInitialDirectory(new File(last));
        }
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            if (prefs != null && f.getParentFile() != null) {
                prefs.put("lastFolder", f.getParent());
            }
            model.open(f.toPath());
        }
    }

    private void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasFiles() && !cb.getFiles().isEmpty()) {
            model.open(cb.getFiles().getFirst().toPath());
        } else if (cb.hasString() && !cb.getString().isBlank()) {
            model.openText(cb.getString(), "clipboard");
        } else {
            showError("The clipboard holds no text. Copy a reasoning trace (or a JSONL record) first.");
        }
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var db = e.getDragboard();
            boolean ok = false;
            if (db.hasFiles() && !db.getFiles().isEmpty()) {
                model.open(db.getFiles().getFirst().toPath());
                ok = true;
            } else if (db.hasString()) {
                model.openText(db.getString(), "dropped text");
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void showError(String message) {
        Alert a = new Alert(Alert.AlertType.WARNING, message, ButtonType.OK);
        a.setHeaderText(null);
        a.setTitle("Thoughtscope");
        if (stage != null) {
            a.initOwner(stage);
        }
        a.showAndWait();
        model.clearError();
    }

    /** Opens a file given on the command line, or the examples on a first start. */
    public void openInitial(Path file) {
        if (file != null) {
            model.open(file);
        }
    }

    private final class RecordCell extends ListCell<TraceRecord> {
        @Override
        protected void updateItem(TraceRecord r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(r.id());
            TraceAnalysis a = model.cachedAnalysis(getIndex());
            setGraphic(a == null ? null : Glyphs.icon(a.verdict()));
            setTooltip(r.question() == null ? null : new Tooltip(r.question()));
        }
    }
}
