package dev.catapult.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: {@code clients} threads share {@code total} release creations on one app, each sending
 * its next request as soon as the previous one answered. Bodies are serialised before the clock starts;
 * the latency of a request is {@code System.nanoTime()} around sending it and reading the whole response.
 */
final class LoadRun {
    private static final int KEPT_ERROR_SAMPLES = 5;

    private LoadRun() {}

    /** What one run observed. {@code latencies} holds every completed request, failed ones included. */
    record Result(
            String app,
            int clients,
            int total,
            long[] latencies,
            Map<String, Integer> outcomes,
            int errors,
            int replays,
            long wallNanos,
            List<Long> versions,
            List<String> errorSamples) {

        LatencyStats stats() {
            return LatencyStats.of(latencies);
        }

        double throughput() {
            return latencies.length / (wallNanos / 1e9);
        }
    }

    static Result run(CatapultClient client, String app, ReleaseBodies bodies, int total, int clients, String keyPrefix)
            throws InterruptedException {
        long[] latencies = new long[total];
        boolean[] completed = new boolean[total];
        long[] versions = new long[total];
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        LongAdder errors = new LongAdder();
        LongAdder replays = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(Thread.ofPlatform().name("bench-client-" + w).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    byte[] body = bodies.body(i);
                    String key = keyPrefix + "-" + i;
                    String outcome;
                    long t0 = System.nanoTime();
                    try {
                        CatapultClient.Response r = client.createRelease(app, body, key);
                        latencies[i] = System.nanoTime() - t0;
                        completed[i] = true;
                        outcome = Integer.toString(r.status());
                        if (r.status() == 201) {
                            versions[i] = r.json().get("version").asLong();
                            if (r.replayed()) {
                                replays.increment();
                            }
                        } else {
                            errors.increment();
                            sample(errorSamples, r.status() + " " + r.body());
                        }
                    } catch (IOException e) {
                        latencies[i] = System.nanoTime() - t0;
                        completed[i] = true;
                        errors.increment();
                        outcome = "I/O error";
                        sample(errorSamples, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long wall = System.nanoTime() - t0;
        int done = 0;
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (completed[i]) {
                latencies[done++] = latencies[i];
            }
            if (versions[i] > 0) {
                created.add(versions[i]);
            }
        }
        return new Result(
                app,
                clients,
                total,
                java.util.Arrays.copyOf(latencies, done),
                new TreeMap<>(outcomes),
                errors.intValue(),
                replays.intValue(),
                wall,
                created,
                List.copyOf(errorSamples));
    }

    private static void sample(List<String> samples, String what) {
        synchronized (samples) {
            if (samples.size() < KEPT_ERROR_SAMPLES) {
                samples.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
            }
        }
    }
}
