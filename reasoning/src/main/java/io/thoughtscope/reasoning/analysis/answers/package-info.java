/**
 * Answer extraction and grading for reasoning traces.
 *
 * <ul>
 *   <li>{@link io.thoughtscope.reasoning.analysis.answers.AnswerExtractor} finds candidates
 *       (boxes, answer phrases in English and Chinese, GSM8K {@code ####} lines) in one linear
 *       scan and picks the final answer a trace committed to.</li>
 *   <li>{@link io.thoughtscope.reasoning.analysis.answers.AnswerNormalizer} puts an answer in
 *       canonical form.</li>
 *   <li>{@link io.thoughtscope.reasoning.analysis.answers.AnswerGrader} grades against a ground
 *       truth and decides equivalence: strings, values, expressions, tuples, intervals, sets.</li>
 *   <li>{@link io.thoughtscope.reasoning.analysis.answers.MathExpression} parses and evaluates
 *       the LaTeX-ish math the grader compares, refusing anything it does not understand.</li>
 * </ul>
 *
 * Nothing here keeps global state or caches; every call is independent and thread-safe.
 */
package io.thoughtscope.reasoning.analysis.answers;
