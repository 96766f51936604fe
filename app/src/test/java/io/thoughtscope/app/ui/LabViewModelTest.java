package io.thoughtscope.app.ui;

import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab window's state, without a window: direct executors run loads synchronously. */
class LabViewModelTest {

    @TempDir
    Path dir;

    private final LabViewModel vm = new LabViewModel(Runnable::run, Runnable::run, new TraceAnalyzer());

    @Test
    void examplesOpenWithTheFirstTraceAnalysedAndGraded() {
        vm.openExamples();
        assertThat(vm.records()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(vm.selectedProperty().get()).isZero();
        assertThat(vm.current()).isNotNull();
        assertThat(vm.current().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(vm.statusProperty().get()).contains("examples").contains("traces");
        assertThat(vm.busyProperty().get()).isFalse();

        // the examples show each case a first-time user should see
        boolean cutOff = false;
        boolean wrong = false;
        boolean chinese = false;
        for (int i = 0; i < vm.records().size(); i++) {
            vm.selectedProperty().set(i);
            cutOff |= vm.current().trace().completeness() == Completeness.THINKING_CUT_OFF;
            wrong |= vm.current().verdict() == Verdict.INCORRECT && vm.current().finalAnswer() != null;
            chinese |= vm.current().trace().text().contains("答案");
        }
        assertThat(cutOff).isTrue();
        assertThat(wrong).isTrue();
        assertThat(chinese).isTrue();
    }

    @Test
    void typedGroundTruthOverridesTheFilesAndRegrades() {
        vm.openExamples();
        vm.selectedProperty().set(0);
        assertThat(vm.current().verdict()).isEqualTo(Verdict.CORRECT);
        vm.groundTruthProperty().set("10");
        assertThat(vm.current().verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(vm.current().groundTruth()).isEqualTo("10");
        vm.groundTruthProperty().set("");
        assertThat(vm.current().verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void pastedTextIsOneTrace() {
        vm.openText("Hmm, 5 × 5 = 25. Wait, that's right.\n</think>\nThe answer is 25.", "clipboard");
        assertThat(vm.records()).hasSize(1);
        assertThat(vm.current().finalAnswer().raw()).isEqualTo("25");
        assertThat(vm.sourceNameProperty().get()).isEqualTo("clipboard");
    }

    @Test
    void malformedRecordsAreCountedAndListed() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"output\": \"<think>a</think>1\"}\n{oops\n{\"output\": \"<think>b</think>2\"}\n");
        vm.open(f);
        assertThat(vm.records()).hasSize(2);
        assertThat(vm.problems()).hasSize(1);
        assertThat(vm.problems().getFirst().line()).isEqualTo(2);
        assertThat(vm.statusProperty().get()).contains("1 skipped");
        assertThat(LabViewModel.describe(vm.problems())).contains("t.jsonl:2");
    }

    @Test
    void unreadableInputIsAnErrorSentenceAndKeepsWhatWasOpen() throws IOException {
        vm.openExamples();
        int before = vm.records().size();
        vm.open(dir.resolve("missing.jsonl"));
        assertThat(vm.errorProperty().get()).contains("missing.jsonl").doesNotContain("Exception");
        assertThat(vm.records()).hasSize(before);
        vm.clearError();

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");
        vm.open(empty);
        assertThat(vm.errorProperty().get()).contains("Could not read empty.jsonl").contains("empty");
        assertThat(vm.records()).hasSize(before);
    }
}
