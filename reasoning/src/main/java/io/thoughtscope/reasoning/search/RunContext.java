package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.TreeListener;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.LanguageModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where a strategy runs: the model, the problem (with its ground truth when known), the seed,
 * how to tell it to stop, and who watches the tree grow. What the strategy does is its
 * {@link io.thoughtscope.reasoning.model.StrategySpec}; this is everything else.
 *
 * <p>A context serves one run at a time; {@link #cancel()} may be called from any thread.
 */
public final class RunContext {

    private final LanguageModel model;
    private final Problem problem;
    private final long seed;
    private final List<ChatMessage> messages;
    private final BooleanSupplier cancelWhen;
    private final List<TreeListener> listeners;
    private final Consumer<ReasoningTree> onTree;
    private final boolean keepLive;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Whether a run is under way: only then is the model told to stop its current call. */
    private volatile boolean running;

    private RunContext(Builder b) {
        this.model = b.model;
        this.problem = b.problem;
        this.seed = b.seed;
        this.messages = b.messages == null ? null : List.copyOf(b.messages);
        this.cancelWhen = b.cancelWhen;
        this.listeners = List.copyOf(b.listeners);
        this.onTree = b.onTree;
        this.keepLive = b.keepLive;
    }

    public static Builder builder(LanguageModel model, Problem problem) {
        return new Builder(model, problem);
    }

    public LanguageModel model() {
        return model;
    }

    public Problem problem() {
        return problem;
    }

    public long seed() {
        return seed;
    }

    /** The conversation to render instead of the preset's (a chat with history), if one was given. */
    public Optional<List<ChatMessage>> messages() {
        return Optional.ofNullable(messages);
    }

    List<TreeListener> listeners() {
        return listeners;
    }

    Consumer<ReasoningTree> onTree() {
        return onTree;
    }

    boolean keepLive() {
        return keepLive;
    }

    /**
     * Asks the running strategy to stop; it returns promptly with its tree consistent. A
     * cancelled context stays cancelled: a later run on it stops at once.
     */
    public void cancel() {
        cancelled.set(true);
        if (running) {
            model.cancel(); // interrupts a long prefill or step; the flag catches the rest between steps
        }
    }

    void running(boolean value) {
        running = value;
    }

    public boolean isCancelled() {
        return cancelled.get() || cancelWhen.getAsBoolean();
    }

    public static final class Builder {
        private final LanguageModel model;
        private final Problem problem;
        private long seed;
        private List<ChatMessage> messages;
        private BooleanSupplier cancelWhen = () -> false;
        private final List<TreeListener> listeners = new ArrayList<>();
        private Consumer<ReasoningTree> onTree = t -> { };
        private boolean keepLive;

        private Builder(LanguageModel model, Problem problem) {
            this.model = Objects.requireNonNull(model, "model");
            this.problem = Objects.requireNonNull(problem, "problem");
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Renders this conversation instead of the preset's user message. */
        public Builder messages(List<ChatMessage> conversation) {
            messages = conversation;
            return this;
        }

        /** Polled between steps: when it says true, the run stops. */
        public Builder cancelWhen(BooleanSupplier check) {
            cancelWhen = Objects.requireNonNull(check);
            return this;
        }

        /** Hears every change of the tree, on the run's thread, from its first node on. */
        public Builder listener(TreeListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** Receives the tree as soon as it exists (before any token is produced). */
        public Builder onTree(Consumer<ReasoningTree> consumer) {
            onTree = Objects.requireNonNull(consumer);
            return this;
        }

        /**
         * Keeps the run's sequences after it ends, so that {@link ForkAndIntervene} can continue
         * from any node without evaluating the prompt again; the caller closes
         * {@link RunResult#live()}.
         */
        public Builder keepLive(boolean value) {
            keepLive = value;
            return this;
        }

        public RunContext build() {
            return new RunContext(this);
        }
    }
}
