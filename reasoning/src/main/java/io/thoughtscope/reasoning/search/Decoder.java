package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Decodes many lanes together: one model step per token position for all running lanes, so N
 * samples cost N-wide batches rather than N separate generations. Lanes that are not open yet
 * (and continuations waiting for their sequence) start as soon as the model has room; finished
 * lanes are parked at once so that their sequences can serve as fork sources or make room.
 */
final class Decoder {

    private Decoder() {
    }

    /** Runs the lanes until every one has stopped. */
    static void run(LiveTree live, List<Lane> lanes) {
        Deque<Lane> waiting = new ArrayDeque<>();
        List<Lane> active = new ArrayList<>();
        for (Lane lane : lanes) {
            if (!lane.isOpen()) {
                waiting.add(lane);
            } else if (lane.running()) {
                active.add(lane);
            }
        }
        while (true) {
            live.checkCancelled();
            while (!waiting.isEmpty() && (active.isEmpty() || waiting.peek().canOpen())) {
                Lane lane = waiting.poll();
                lane.open();
                active.add(lane);
            }
            if (active.isEmpty()) {
                return;
            }
            for (Lane lane : active) {
                lane.beforeStep();
            }
            parkStopped(active);
            if (active.isEmpty()) {
                continue;
            }
            List<StepRequest> requests = new ArrayList<>(active.size());
            for (Lane lane : active) {
                requests.add(lane.request());
            }
            List<TokenStep> steps = live.model().step(requests);
            for (int i = 0; i < active.size(); i++) {
                active.get(i).accept(steps.get(i));
            }
            parkStopped(active);
        }
    }

    private static void parkStopped(List<Lane> active) {
        active.removeIf(lane -> {
            if (lane.running()) {
                return false;
            }
            lane.park();
            return true;
        });
    }
}
