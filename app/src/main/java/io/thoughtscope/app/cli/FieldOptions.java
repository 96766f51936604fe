package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.traces.FieldMapping;
import picocli.CommandLine.Option;

/** Which fields of a trace record hold what: shared by {@code analyze} and {@code import}. */
final class FieldOptions {

    @Option(names = {"-g", "--ground-truth-field"}, paramLabel = "PATH",
            description = "Field with the reference answer; grades every trace and prints accuracy. GSM8K references ending in '#### 42' are understood.")
    String groundTruthField;

    @Option(names = "--question-field", paramLabel = "PATH", description = "Field with the question.")
    String questionField;

    @Option(names = "--thinking-field", paramLabel = "PATH", description = "Field with the thinking (e.g. reasoning_content).")
    String thinkingField;

    @Option(names = "--answer-field", paramLabel = "PATH", description = "Field with the model's answer after the thinking.")
    String answerField;

    @Option(names = "--text-field", paramLabel = "PATH", description = "Field with the whole output, think tags included.")
    String textField;

    @Option(names = "--id-field", paramLabel = "PATH", description = "Field with the record id.")
    String idField;

    FieldMapping mapping() {
        return new FieldMapping(questionField, thinkingField, answerField, textField, groundTruthField, idField);
    }
}
