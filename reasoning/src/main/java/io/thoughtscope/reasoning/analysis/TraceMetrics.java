package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of one trace.
 *
 * @param chars                  characters of the whole text
 * @param thinkingChars          characters of the thinking
 * @param answerChars            characters of the answer
 * @param words                  words of thinking plus answer (CJK characters count as words)
 * @param thinkingWords          words of the thinking
 * @param answerWords            words of the answer
 * @param tokens                 tokens, -1 when no token data came with the trace
 * @param steps                  number of steps (thinking and answer)
 * @param stepsPerLabel          steps per label (every label present, zeros included)
 * @param momentsPerType         moments per type (every type present, zeros included)
 * @param answerCandidates       answer candidates found
 * @param answerSwitches         how often the leading (most recent) candidate changed to a different answer
 * @param firstCorrectCandidate  index of the first correct candidate, -1 if none or ungraded
 * @param firstCorrectOffset     character offset where it ends, -1 if none
 * @param wordsAfterFirstCorrect words of thinking after the first correct candidate (overthinking), -1 if none
 * @param overthinkingRatio      those words as a share of the thinking's words, NaN if none
 * @param completeness           whether the trace ran to its end
 */
public record TraceMetrics(int chars, int thinkingChars, int answerChars, int words, int thinkingWords, int answerWords,
                           int tokens, int steps, Map<StepLabel, Integer> stepsPerLabel,
                           Map<MomentType, Integer> momentsPerType, int answerCandidates, int answerSwitches,
                           int firstCorrectCandidate, int firstCorrectOffset, int wordsAfterFirstCorrect,
                           double overthinkingRatio, Completeness completeness) {

    public TraceMetrics {
        stepsPerLabel = Collections.unmodifiableMap(new EnumMap<>(stepsPerLabel));
        momentsPerType = Collections.unmodifiableMap(new EnumMap<>(momentsPerType));
    }

    public int moments() {
        int n = 0;
        for (int v : momentsPerType.values()) {
            n += v;
        }
        return n;
    }

    /** All moments per 1,000 words (0 for an empty trace). */
    public double momentsPer1kWords() {
        return words == 0 ? 0 : moments() * 1000.0 / words;
    }

    public double momentsPer1kWords(MomentType type) {
        return words == 0 ? 0 : momentsPerType.getOrDefault(type, 0) * 1000.0 / words;
    }

    public int steps(StepLabel label) {
        return stepsPerLabel.getOrDefault(label, 0);
    }

    public int moments(MomentType type) {
        return momentsPerType.getOrDefault(type, 0);
    }
}
