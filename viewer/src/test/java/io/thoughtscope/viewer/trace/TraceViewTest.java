package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.viewer.testing.Fx;
import io.thoughtscope.viewer.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace view and its side panel in a real (headless) window. */
class TraceViewTest {

    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            Fx.run(stage::hide);
        }
    }

    private Scene show(TraceViewModel vm, Theme theme) throws Exception {
        return Fx.call(() -> {
            TraceView view = new TraceView(vm);
            TraceSummaryView summary = new TraceSummaryView(vm);
            SplitPane root = new SplitPane(view, summary);
            root.setDividerPositions(0.68);
            Scene scene = new Scene(root, 1100, 640);
            theme.apply(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return scene;
        });
    }

    @Test
    void showsTheTraceStyledAndJumpsBetweenMoments() throws Exception {
        TraceAnalysis a = new TraceAnalyzer().analyze(ThinkingSplitter.split(TraceViewModelTest.TRACE), "12");
        TraceViewModel vm = new TraceViewModel();
        Scene scene = show(vm, Theme.LIGHT);
        Fx.run(() -> vm.setAnalysis(a));
        Fx.settle(scene);
        TraceView view = (TraceView) ((SplitPane) scene.getRoot()).getItems().get(0);
        TraceSummaryView summary = (TraceSummaryView) ((SplitPane) scene.getRoot()).getItems().get(1);

        assertThat(Fx.call(() -> view.area().getText())).isEqualTo(TraceViewModelTest.TRACE);
        int wait = TraceViewModelTest.TRACE.indexOf("Wait,");
        Collection<String> style = Fx.call(() -> view.area().getStyleOfChar(wait + 1));
        assertThat(style).contains(StyleClasses.moment(MomentType.AHA));
        assertThat(Fx.call(summary::verdictText)).contains("Final answer: 12").contains("correct");
        assertThat(Fx.call(() -> summary.momentList().getItems().size())).isEqualTo(a.moments().size());

        // next moment: the caret and selection move to its phrase, the info line describes it
        Fx.run(() -> vm.nextMoment());
        Fx.settle(scene);
        int anchor = a.moments().getFirst().anchor().start();
        assertThat(Fx.call(() -> view.area().getCaretPosition())).isEqualTo(anchor);
        assertThat(Fx.call(() -> view.area().getSelectedText())).isEqualTo(a.moments().getFirst().anchor().of(a.trace().text()));
        assertThat(Fx.call(view::infoText)).contains("Step").contains(a.moments().getFirst().type().displayName());
        assertThat(Fx.call(() -> summary.momentList().getSelectionModel().getSelectedIndex())).isZero();

        // clicking (selecting) a moment in the list jumps there too
        Fx.run(() -> summary.momentList().getSelectionModel().select(2));
        assertThat(Fx.call(() -> vm.currentMomentIndexProperty().get())).isEqualTo(2);

        Path png = Fx.snapshot(scene.getRoot(), "trace-view-light");
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void darkThemeMarksTheRootAndRenders() throws Exception {
        TraceAnalysis a = new TraceAnalyzer().analyze(ThinkingSplitter.split(TraceViewModelTest.TRACE), "13");
        TraceViewModel vm = new TraceViewModel();
        Scene scene = show(vm, Theme.DARK);
        Fx.run(() -> vm.setAnalysis(a));
        Fx.settle(scene);
        assertThat(Fx.call(() -> scene.getRoot().getStyleClass())).contains(Theme.DARK_CLASS);
        TraceSummaryView summary = (TraceSummaryView) ((SplitPane) scene.getRoot()).getItems().get(1);
        assertThat(Fx.call(summary::verdictText)).contains("incorrect").contains("13");
        Path png = Fx.snapshot(scene.getRoot(), "trace-view-dark");
        assertThat(Files.size(png)).isGreaterThan(10_000);
        Fx.run(() -> Theme.LIGHT.apply(scene));
        assertThat(Fx.call(() -> scene.getRoot().getStyleClass())).doesNotContain(Theme.DARK_CLASS);
    }

    @Test
    void emptyViewShowsThePlaceholder() throws Exception {
        TraceViewModel vm = new TraceViewModel();
        Scene scene = show(vm, Theme.LIGHT);
        Fx.settle(scene);
        TraceView view = (TraceView) ((SplitPane) scene.getRoot()).getItems().get(0);
        assertThat(Fx.call(() -> view.area().getText())).isEmpty();
        assertThat(Fx.call(() -> ((TraceSummaryView) ((SplitPane) scene.getRoot()).getItems().get(1)).verdictText())).isEqualTo("No trace");
    }
}
