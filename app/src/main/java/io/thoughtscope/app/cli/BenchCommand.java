package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.app.LocalModels;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code thoughtscope bench}: prompt and decode speed of a local model, and decode speed with
 * several branches forked from one shared prefix. The prompt is the one node-llama-cpp's reference
 * script uses (token ids 100 + 37·i mod 5000), decoding is greedy, so the numbers compare.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Measure prompt tokens/s and decode tokens/s of a local model, for 1, 4 and 8 branches",
                "forked from one shared prefix (the prefix is evaluated once: see 'prompt tokens evaluated')."},
        sortOptions = false)
public final class BenchCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "GGUF", required = true, description = "The model file.")
    Path model;

    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "128", description = "Prompt length (default: ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--gen-tokens", paramLabel = "N", defaultValue = "64", description = "Tokens generated per branch (default: ${DEFAULT-VALUE}).")
    int genTokens;

    @Option(names = "--branches", paramLabel = "LIST", defaultValue = "1,4,8", split = ",",
            description = "Branch counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> branches = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Measure every branch count N times, interleaved, and report medians (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--random-model", paramLabel = "PRESET",
            description = "Write a random-weight model to --model first if the file does not exist: r1-distill-1.5b "
                    + "(DeepSeek-R1-Distill-Qwen-1.5B shapes, Q4_0, 1 GB), tiny-llama, tiny-qwen2 or tiny-qwen3.")
    String randomModel;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (promptTokens < 2 || genTokens < 1 || rounds < 1 || branches.isEmpty() || branches.stream().anyMatch(b -> b < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--prompt-tokens must be at least 2, --gen-tokens and every branch count at least 1");
        }
        if (randomModel != null && !java.nio.file.Files.exists(model)) {
            var preset = switch (randomModel) {
                case "r1-distill-1.5b" -> io.thoughtscope.runtime.gguf.RandomModels.r1Distill1_5bShape(42);
                case "tiny-llama", "tiny-qwen2", "tiny-qwen3" -> io.thoughtscope.runtime.gguf.RandomModels.tiny(randomModel.substring(5), 42);
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown --random-model " + randomModel);
            };
            long t0 = System.nanoTime();
            io.thoughtscope.runtime.gguf.RandomModels.write(preset, model);
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s (%s, random weights) in %.1f s%n", model, randomModel,
                    (System.nanoTime() - t0) / 1e9);
        }
        int maxBranches = branches.stream().mapToInt(Integer::intValue).max().orElse(1);
        var options = engine.toLlamaOptions(maxBranches + 1);
        if (engine.context == 0) {
            options = options.withContext(Math.max(2048, promptTokens + maxBranches * (genTokens + 2) + 64));
        }
        Terminal term = Terminal.detect(spec.commandLine().getErr());
        try (LanguageModel lm = LocalModels.open(model, options, term::progress)) {
            term.doneLoading(lm.info().name() + " on " + lm.info().backend());
            int vocab = lm.tokenizer().vocabularySize();
            int[] prompt = new int[promptTokens];
            for (int i = 0; i < promptTokens; i++) {
                prompt[i] = vocab > 5100 ? 100 + (i * 37) % 5000 : 1 + (i * 37) % Math.max(1, vocab - 2);
            }
            // warm up: caches, thread pools, the JIT
            Sequence warm = lm.prefill(new int[] {prompt[0], prompt[1], prompt[2]});
            for (int i = 0; i < 4; i++) {
                lm.step(List.of(new StepRequest(warm, SamplingParams.greedy(), 0)));
            }
            lm.release(warm);
            lm.resetCounters();

            Sequence root = lm.prefill(prompt);
            Counters afterPrompt = lm.counters();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", lm.info().name());
            result.put("backend", lm.info().backend());
            result.put("threads", engine.threads > 0 ? engine.threads : Math.min(8, Runtime.getRuntime().availableProcessors()));
            result.put("promptTokens", promptTokens);
            result.put("promptTokPerS", round(afterPrompt.promptTokensPerSecond()));
            // rounds interleave the branch counts, so a slow spell of the machine hits all of them alike;
            // each figure is the median over the rounds
            Map<Integer, List<Double>> rates = new LinkedHashMap<>();
            Map<Integer, List<Double>> javaShares = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int b : branches) {
                    List<Sequence> seqs = new ArrayList<>();
                    for (int i = 0; i < b; i++) {
                        seqs.add(lm.fork(root));
                    }
                    List<StepRequest> reqs = seqs.stream().map(s -> new StepRequest(s, SamplingParams.greedy(), 0)).toList();
                    Counters before = lm.counters();
                    long t0 = System.nanoTime();
                    for (int n = 0; n < genTokens; n++) {
                        lm.step(reqs);
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Counters spent = lm.counters().minus(before);
                    rates.computeIfAbsent(b, k -> new ArrayList<>()).add(b * genTokens / seconds);
                    // the Java side of each step: logits read, entropy, top-k, sampling
                    javaShares.computeIfAbsent(b, k -> new ArrayList<>())
                            .add((double) spent.sampleNanos() / Math.max(1, spent.decodeNanos() + spent.sampleNanos()));
                    seqs.forEach(lm::release);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            double single = median(rates.getOrDefault(1, List.of(Double.NaN)));
            for (int b : branches) {
                double agg = median(rates.get(b));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("branches", b);
                row.put("tokens", b * genTokens);
                row.put("aggregateTokPerS", round(agg));
                row.put("perBranchTokPerS", round(agg / b));
                if (!Double.isNaN(single)) {
                    row.put("vsOneBranch", Math.round(100 * agg / single) / 100.0);
                }
                row.put("javaShare", Math.round(1000.0 * median(javaShares.get(b))) / 1000.0);
                rows.add(row);
            }
            Counters total = lm.counters();
            result.put("decode", rows);
            result.put("promptTokensEvaluated", total.promptTokens());
            result.put("decodedTokens", total.decodedTokens());
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(result));
            } else {
                out.printf(Locale.ROOT, "%s on %s, %s threads%n", lm.info().name(), lm.info().backend(), result.get("threads"));
                out.printf(Locale.ROOT, "prompt   %5d tokens   %8.1f tokens/s%n", promptTokens, afterPrompt.promptTokensPerSecond());
                for (Map<String, Object> r : rows) {
                    out.printf(Locale.ROOT, "decode   %2d branch%-2s  %8.1f tokens/s aggregate (%.1f per branch%s)%n",
                            (Integer) r.get("branches"), ((Integer) r.get("branches")) == 1 ? "" : "es",
                            (Double) r.get("aggregateTokPerS"), (Double) r.get("perBranchTokPerS"),
                            r.containsKey("vsOneBranch") && (Integer) r.get("branches") != 1 ? ", " + r.get("vsOneBranch") + "x one branch" : "");
                }
                out.printf(Locale.ROOT, "medians of %d rounds of %d tokens per branch%n", rounds, genTokens);
                out.printf(Locale.ROOT, "prompt tokens evaluated: %d (the prefix once; forks share it), tokens decoded: %d%n",
                        total.promptTokens(), total.decodedTokens());
            }
        }
        return ExitCodes.OK;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
