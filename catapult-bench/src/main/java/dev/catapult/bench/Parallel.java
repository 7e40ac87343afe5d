package dev.catapult.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed-loop load: {@code clients} concurrent virtual threads, each taking the next piece of work until none is left. */
public final class Parallel {
    private Parallel() {}

    /** One piece of work, by its index. */
    @FunctionalInterface
    public interface Work {
        void run(int i) throws Exception;
    }

    /** Runs {@code work} for 0 … {@code count - 1}; the first failure fails the whole run. */
    public static void run(int clients, int count, Work work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }
}
