package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.spi.Counters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A second process for the crash and concurrency tests: streams tokens of a live run into a
 * database and prints its progress.
 *
 * <pre>
 * args: DB TOKENS BRANCHES PAUSE_MILLIS MODE     MODE: finish | hang
 * out:  RUN &lt;run id&gt;
 *       P &lt;tokens appended so far&gt; &lt;epoch millis after appending them&gt;
 *       DONE                                      (finish only)
 * </pre>
 */
public final class StreamingChild {

    private StreamingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        long limit = Long.parseLong(args[1]);
        int branches = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        boolean finish = args[4].equals("finish");
        try (Store store = Store.open(db)) {
            Session s = Trees.session("child " + ProcessHandle.current().pid());
            store.saveSession(s);
            Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
            RunRecorder rec = store.record(run);
            System.out.println("RUN " + run.id());
            System.out.flush();
            List<Node> nodes = new ArrayList<>();
            for (int b = 0; b < branches; b++) {
                nodes.add(run.tree().addChild(run.tree().root(), NodeKind.BRANCH, 0, ""));
            }
            SplittableRandom r = new SplittableRandom(ProcessHandle.current().pid());
            long produced = 0;
            long lastPrint = 0;
            while (produced < limit) {
                for (Node n : nodes) {
                    if (produced < limit) {
                        n.appendToken(Trees.token(r, (int) produced));
                        produced++;
                    }
                }
                long now = System.currentTimeMillis();
                if (now - lastPrint >= 10 || produced == limit) {
                    System.out.println("P " + produced + " " + now);
                    System.out.flush();
                    lastPrint = now;
                }
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
            if (!finish) {
                Thread.sleep(Long.MAX_VALUE); // until killed
            }
            rec.finish(RunStatus.COMPLETED, new Counters(10, produced, produced / branches, 0, 0, 0));
        }
        System.out.println("DONE");
        System.out.flush();
    }

    /**
     * A process running this class with the test class path. SQLite's native library is unpacked
     * into {@code tmp}: a killed process cannot remove its copy, so it goes where the test cleans up.
     */
    static ProcessBuilder command(Path tmp, Object... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xmx256m");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dorg.sqlite.tmpdir=" + tmp.toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StreamingChild.class.getName());
        for (Object a : args) {
            cmd.add(String.valueOf(a));
        }
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
