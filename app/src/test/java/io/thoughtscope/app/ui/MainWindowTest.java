package io.thoughtscope.app.ui;

import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.viewer.testing.Fx;
import io.thoughtscope.viewer.theme.Theme;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace lab in a real window on the headless platform. */
class MainWindowTest {

    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            Fx.run(stage::hide);
        }
    }

    private MainWindow open(Theme theme) throws Exception {
        return Fx.call(() -> {
            LabViewModel vm = new LabViewModel(ThoughtscopeApp.newBackground(), Platform::runLater, new TraceAnalyzer());
            MainWindow w = new MainWindow(vm, theme, null, 1400, 860);
            stage = new Stage();
            w.show(stage);
            return w;
        });
    }

    /** A key press delivered through the scene, as the keyboard would (accelerators included). */
    private static void press(MainWindow w, KeyCode code, boolean shift) throws Exception {
        press(w, code, shift, false);
    }

    private static void press(MainWindow w, KeyCode code, boolean shift, boolean shortcut) throws Exception {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        Fx.run(() -> {
            var target = w.scene().getFocusOwner() != null ? w.scene().getFocusOwner() : w.scene().getRoot();
            KeyEvent.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift,
                    shortcut && !mac, false, shortcut && mac));
        });
    }

    @Test
    void examplesShortcutLoadsTracesAndF3StepsThroughMoments() throws Exception {
        MainWindow w = open(Theme.LIGHT);
        press(w, KeyCode.E, false, true); // Ctrl+E: the examples
        Fx.waitFor(() -> w.recordList().getItems().size() >= 4, 10_000, "the examples to load");
        Fx.settle(w.scene());
        assertThat(Fx.call(() -> w.traceView().area().getText())).contains("Janet");
        assertThat(Fx.call(() -> w.recordList().getSelectionModel().getSelectedIndex())).isZero();
        assertThat(Fx.call(() -> w.summaryView().verdictText())).contains("Final answer: 9").contains("correct");

        press(w, KeyCode.F3, false);
        Fx.settle(w.scene());
        int caret = Fx.call(() -> w.traceView().area().getCaretPosition());
        assertThat(caret).isPositive();
        assertThat(Fx.call(() -> w.traceView().area().getSelectedText())).isNotBlank();
        press(w, KeyCode.F3, false);
        assertThat(Fx.call(() -> w.traceView().area().getCaretPosition())).isGreaterThan(caret);
        press(w, KeyCode.F3, true);
        assertThat(Fx.call(() -> w.traceView().area().getCaretPosition())).isEqualTo(caret);

        // choosing another trace in the list shows it
        Fx.run(() -> w.recordList().getSelectionModel().select(1));
        Fx.settle(w.scene());
        assertThat(Fx.call(() -> w.traceView().area().getText())).contains("average speed");
        assertThat(Fx.call(() -> w.summaryView().verdictText())).contains("incorrect");

        Path png = Fx.snapshot(w.scene().getRoot(), "main-window-light");
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    @Test
    void themeToggleSwitchesToDarkAndBack() throws Exception {
        MainWindow w = open(Theme.LIGHT);
        Fx.run(() -> w.toggleTheme());
        assertThat(Fx.call(w::theme)).isEqualTo(Theme.DARK);
        assertThat(Fx.call(() -> w.scene().getRoot().getStyleClass())).contains(Theme.DARK_CLASS);
        Fx.run(() -> w.toggleTheme());
        assertThat(Fx.call(() -> w.scene().getRoot().getStyleClass())).doesNotContain(Theme.DARK_CLASS);
    }

    @Test
    void zoomMakesTheTraceTextLargerForProjectors() throws Exception {
        MainWindow w = open(Theme.LIGHT);
        Fx.run(() -> w.zoom(+1));
        Fx.run(() -> w.zoom(+1));
        assertThat(Fx.call(() -> w.traceView().area().getStyle())).contains("18");
        Fx.run(() -> w.zoom(0));
        assertThat(Fx.call(() -> w.traceView().area().getStyle())).contains("14");
    }
}
