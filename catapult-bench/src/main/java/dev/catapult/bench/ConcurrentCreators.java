package dev.catapult.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * SPEC I1 under contention: {@code creators} threads, each with its body already serialised, pass a
 * barrier together and create one release each on the same fresh app. Passes when every request got 201,
 * the versions handed out are exactly 1..creators, and reading the ledger back shows the same.
 */
final class ConcurrentCreators {
    private ConcurrentCreators() {}

    record Result(
            int creators,
            int errors,
            List<String> errorSamples,
            List<Long> handedOut,
            LedgerReadBack.Verdict readBack,
            LatencyStats latency) {

        boolean handedOutGapless() {
            List<Long> sorted = new ArrayList<>(handedOut);
            Collections.sort(sorted);
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i + 1) {
                    return false;
                }
            }
            return sorted.size() == creators;
        }

        boolean passed() {
            return errors == 0 && handedOutGapless() && readBack.ok();
        }
    }

    static Result run(CatapultClient client, String app, ReleaseBodies bodies, int creators, String keyPrefix)
            throws InterruptedException, IOException {
        CyclicBarrier together = new CyclicBarrier(creators);
        List<Long> versions = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        long[] latencies = new long[creators];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < creators; c++) {
            int index = c;
            threads.add(Thread.ofPlatform().name("bench-creator-" + c).start(() -> {
                byte[] body = bodies.body(index);
                try {
                    together.await();
                    long t0 = System.nanoTime();
                    CatapultClient.Response r = client.createRelease(app, body, keyPrefix + "-" + index);
                    latencies[index] = System.nanoTime() - t0;
                    if (r.status() == 201 && !r.replayed()) {
                        versions.add(r.json().get("version").asLong());
                    } else {
                        errors.add(r.status() + (r.replayed() ? " (replayed)" : "") + " " + r.body());
                    }
                } catch (Exception e) {
                    errors.add(e.toString());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        LedgerReadBack.Verdict readBack = LedgerReadBack.verify(client, app, creators);
        return new Result(
                creators,
                errors.size(),
                List.copyOf(errors.subList(0, Math.min(5, errors.size()))),
                List.copyOf(versions),
                readBack,
                LatencyStats.of(latencies));
    }
}
