package io.thoughtscope.store;

import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchAndCompareTest {

    @TempDir
    Path dir;

    Store store;
    final TraceAnalyzer analyzer = new TraceAnalyzer();

    Session clips;
    Session train;
    Session triangle;
    Run clipsChain;
    Run clipsBeam;
    Run trainRun;
    Run triangleRun;

    /** A one-branch run whose branch is the given output, analysed against the session's truth. */
    private Run chainRun(Session s, String model, String strategy, String output, Instant started, long millis) {
        ReasoningTree tree = new ReasoningTree(s.problem().question());
        Node n = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "");
        for (String piece : output.split("(?<= )")) {
            n.appendToken(new Token(piece.hashCode() & 0xFFFF, piece, -0.2, List.of(), 0.5, 1));
        }
        Run run = new Run(io.thoughtscope.reasoning.model.Ids.newId(), s.id(), new ModelRef(model, "", "llama.cpp", "cpu"),
                new StrategySpec(strategy, Map.of("n", "1")), 1, started, tree);
        store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, started.plusMillis(millis));
        TraceAnalysis a = analyzer.analyze(ThinkingSplitter.split(tree.pathText(n)).withTokens(n.tokens()),
                s.problem().groundTruth());
        store.saveAnalysis(run.id(), 1, 1, a);
        return run;
    }

    private Session session(String title, String question, String truth, Instant at) {
        Session s = new Session(io.thoughtscope.reasoning.model.Ids.newId(), title, at, new Problem(question, truth));
        store.saveSession(s);
        return s;
    }

    @BeforeEach
    void fill() {
        store = Store.open(dir.resolve("search.db"));
        Instant day1 = Instant.parse("2026-01-10T10:00:00Z");
        Instant day2 = Instant.parse("2026-02-20T10:00:00Z");
        clips = session("Clips", "Natalia sold clips to 48 friends in April, and half as many in May. How many in all?", "72", day1);
        clipsChain = chainRun(clips, "DeepSeek-R1-Distill-Qwen-1.5B", "chain",
                "<think>In April 48. In May half: 24. Wait, let me double-check: 24 × 2 = 48. So 72.</think> The answer is \\boxed{72}.",
                day1, 4_000);
        clipsBeam = chainRun(clips, "QwQ-32B", "beam",
                "<think>In April 48. In May half: 24. So 48 + 24 = 70.</think> The answer is \\boxed{70}.", day1.plusSeconds(60),
                12_000);
        train = session("Train", "A train travels 60 km/h for 2 hours. How far?", "120", day2);
        trainRun = chainRun(train, "DeepSeek-R1-Distill-Qwen-1.5B", "chain",
                "<think>60 × 2 = 120 km. Alternatively, 2 × 60 = 120.</think> \\boxed{120}", day2, 2_000);
        triangle = session("Triangle", "Legs 3 and 4: hypotenuse?", null, day2.plusSeconds(3600));
        triangleRun = chainRun(triangle, "Qwen3-4B", "self-consistency", "<think>3² + 4² = 25, so 5.</think> 5", day2, 1_000);
        store.tag(Target.session(train.id()), "Physics");
        store.star(Target.node(clips.id(), clipsChain.id(), 1), true);
        store.addNote(Target.run(triangle.id(), triangleRun.id()), "Pythagoras without any hesitation");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private List<String> ids(SessionQuery q) {
        return store.sessions(q).stream().map(SessionSummary::id).toList();
    }

    @Test
    void fullTextSearchFindsPromptsTracesAndNotes() {
        assertThat(ids(SessionQuery.all().withText("Natalia"))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withText("double-check"))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withText("hesitation"))).containsExactly(triangle.id());
        assertThat(ids(SessionQuery.all().withText("hypot*"))).containsExactly(triangle.id());
        assertThat(ids(SessionQuery.all().withText("April May"))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withText("Natalia OR train"))).containsExactlyInAnyOrder(clips.id(), train.id());
        SessionSummary hit = store.sessions(SessionQuery.all().withText("hesitation")).getFirst();
        assertThat(hit.snippet()).contains("[hesitation]");
    }

    @Test
    void searchTermsAreTakenLiterallyWhateverTheyContain() {
        for (String q : List.of("\"", "x^2 + (1", "NEAR(", "a:b", "-", "*", "AND", "OR", "\\boxed{72}", "等等")) {
            assertThat(store.sessions(SessionQuery.all().withText(q))).as(q).isNotNull();
        }
        assertThat(ids(SessionQuery.all().withText("\\boxed{120}"))).containsExactly(train.id());
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids(SessionQuery.all())).containsExactly(triangle.id(), train.id(), clips.id()); // newest first
        assertThat(ids(SessionQuery.all().withModel("r1-distill"))).containsExactly(train.id(), clips.id());
        assertThat(ids(SessionQuery.all().withStrategy("BEAM"))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withTag("physics"))).containsExactly(train.id());
        assertThat(ids(SessionQuery.all().withStarred(true))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withStarred(false))).containsExactly(triangle.id(), train.id());
        assertThat(ids(SessionQuery.all().withVerdict(Verdict.INCORRECT))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withVerdict(Verdict.CORRECT))).containsExactly(train.id(), clips.id());
        assertThat(ids(SessionQuery.all().withMoment(MomentType.AHA))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withMoment(MomentType.THOUGHT_SWITCH))).containsExactly(train.id());
        assertThat(ids(SessionQuery.all().withSince(Instant.parse("2026-02-01T00:00:00Z")))).containsExactly(triangle.id(), train.id());
        assertThat(ids(SessionQuery.all().withUntil(Instant.parse("2026-02-01T00:00:00Z")))).containsExactly(clips.id());
        // run filters hold together on one run: the beam run is QwQ and incorrect, no R1 run is incorrect
        assertThat(ids(SessionQuery.all().withModel("qwq").withVerdict(Verdict.INCORRECT))).containsExactly(clips.id());
        assertThat(ids(SessionQuery.all().withModel("r1").withVerdict(Verdict.INCORRECT))).isEmpty();
        assertThat(ids(SessionQuery.all().withText("April").withStrategy("chain"))).containsExactly(clips.id());
        assertThat(store.countSessions(SessionQuery.all().withModel("r1").withLimit(1))).isEqualTo(2);
        assertThat(ids(SessionQuery.all().withLimit(1).withOffset(1))).containsExactly(train.id());
    }

    @Test
    void theListCarriesRunsModelsVerdictsTagsAndStars() {
        SessionSummary c = store.sessions(SessionQuery.all().withText("Natalia")).getFirst();
        assertThat(c.runs()).isEqualTo(2);
        assertThat(c.models()).containsExactly("DeepSeek-R1-Distill-Qwen-1.5B", "QwQ-32B");
        assertThat(c.strategies()).containsExactly("chain", "beam");
        assertThat(c.correct()).isEqualTo(1);
        assertThat(c.graded()).isEqualTo(2);
        assertThat(c.starred()).isTrue();
        SessionSummary t = store.sessions(SessionQuery.all().withTag("physics")).getFirst();
        assertThat(t.tags()).containsExactly("physics");
        assertThat(t.groundTruth()).isEqualTo("120");
    }

    @Test
    void runsSideBySideCarryTheirFigures() {
        List<RunSummary> side = store.compare(List.of(clipsChain.id(), clipsBeam.id(), "no-such-run"));
        assertThat(side).extracting(RunSummary::id).containsExactly(clipsChain.id(), clipsBeam.id());
        RunSummary a = side.get(0);
        RunSummary b = side.get(1);
        assertThat(a.finalAnswer()).isEqualTo("72");
        assertThat(a.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(b.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(a.moments(MomentType.AHA)).isEqualTo(1);
        assertThat(a.moments(MomentType.SELF_VERIFICATION)).isGreaterThanOrEqualTo(1);
        assertThat(b.momentCount()).isZero();
        assertThat(a.words()).isGreaterThan(10);
        assertThat(a.wallTime()).hasValue(java.time.Duration.ofSeconds(4));
        assertThat(a.tokensPerSecond()).isGreaterThan(0);
    }

    @Test
    void theFirstPointWhereTwoTracesPartIsFound() {
        Divergence d = store.divergence(TracePointer.main(clipsChain.id()), TracePointer.main(clipsBeam.id()));
        assertThat(d.identical()).isFalse();
        assertThat(d.context()).endsWith("In May half: 24. ");
        assertThat(d.continuationA()).startsWith("Wait, let me");
        assertThat(d.continuationB()).startsWith("So 48 + 24");
        assertThat(d.tokenIndex()).isEqualTo(7);
        assertThat(d.charOffset()).isEqualTo("<think>In April 48. In May half: 24. ".length());
        assertThat(d.nodeA()).isEqualTo(1);
        Divergence same = store.divergence(TracePointer.main(clipsChain.id()), new TracePointer(clipsChain.id(), 1));
        assertThat(same.identical()).isTrue();
    }

    @Test
    void aggregatesPerStrategyOverASetOfRuns() {
        List<String> all = store.runIds(SessionQuery.all());
        assertThat(all).hasSize(4);
        List<StrategyAggregate> agg = store.aggregateByStrategy(all);
        assertThat(agg).extracting(StrategyAggregate::strategy).containsExactly("beam", "chain", "self-consistency");
        StrategyAggregate chain = agg.get(1);
        assertThat(chain.runs()).isEqualTo(2);
        assertThat(chain.graded()).isEqualTo(2);
        assertThat(chain.accuracy()).isEqualTo(1.0);
        assertThat(chain.meanSeconds()).isEqualTo(3.0);
        StrategyAggregate sc = agg.get(2);
        assertThat(sc.graded()).isZero();
        assertThat(sc.accuracy()).isNaN();
        assertThat(store.runIds(SessionQuery.all().withVerdict(Verdict.INCORRECT))).containsExactly(clipsBeam.id());
    }

    @Test
    void tagsAndStarsAreKeptOnceNotesCanBeDeleted() {
        store.tag(Target.session(train.id()), " physics ");
        store.tag(Target.session(train.id()), "Hard Case");
        assertThat(store.annotations(train.id())).filteredOn(a -> a.kind() == Annotation.Kind.TAG)
                .extracting(Annotation::text).containsExactly("physics", "hard-case");
        assertThat(store.untag(Target.session(train.id()), "HARD CASE")).isTrue();
        store.star(Target.node(clips.id(), clipsChain.id(), 1), true);
        assertThat(store.annotations(clips.id())).filteredOn(a -> a.kind() == Annotation.Kind.STAR).hasSize(1);
        store.star(Target.node(clips.id(), clipsChain.id(), 1), false);
        assertThat(ids(SessionQuery.all().withStarred(true))).isEmpty();
        Annotation note = store.annotations(triangle.id()).getFirst();
        assertThat(note.target().runId()).isEqualTo(triangleRun.id());
        assertThat(store.deleteAnnotation(note.id())).isTrue();
        assertThat(ids(SessionQuery.all().withText("hesitation"))).isEmpty();
    }

    @Test
    void analysesComeBackEqual() {
        Node n = clipsChain.tree().node(1);
        TraceAnalysis expected = analyzer.analyze(ThinkingSplitter.split(n.text()).withTokens(n.tokens()), "72");
        assertThat(expected.moments()).isNotEmpty();
        assertThat(expected.moments().getFirst().entropy()).isPresent();
        List<StoredAnalysis> back = store.analyses(clipsChain.id());
        assertThat(back).hasSize(1);
        assertThat(back.getFirst().analysis().trace().text()).isEqualTo(expected.trace().text());
        assertThat(back.getFirst().analysis()).isEqualTo(expected);
        assertThat(back.getFirst().firstNode()).isEqualTo(1);
    }

    @Test
    void idsCanBeGivenByAUniquePrefix() {
        assertThat(store.resolveSessionId(clips.id())).isEqualTo(clips.id());
        String prefix = clips.id().substring(0, 30);
        assertThat(store.resolveSessionId(prefix)).isEqualTo(clips.id());
        assertThatThrownBy(() -> store.resolveSessionId("0")).hasMessageContaining("at least 4 characters");
        assertThatThrownBy(() -> store.resolveRunId("ffff-nothing")).hasMessageContaining("No run");
    }

    @Test
    void deletingASessionTakesEverythingOfItAlong() {
        assertThat(store.deleteSession(clips.id())).isTrue();
        assertThat(store.run(clipsChain.id())).isEmpty();
        assertThat(ids(SessionQuery.all().withText("Natalia"))).isEmpty();
        assertThat(ids(SessionQuery.all().withText("double-check"))).isEmpty();
        assertThat(store.check().problems()).isEmpty();
    }
}
