package dev.catapult.artifact;

import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
import dev.catapult.job.JobKind;
import dev.catapult.job.JobProgress;
import dev.catapult.job.JobQueue;
import dev.catapult.registry.CatalogPage;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryClients;
import dev.catapult.registry.RegistryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code backfill} job: catalog → tags → artifacts for a whole registry. Repositories are processed a
 * catalog page at a time, {@code catapult.registry.backfill-concurrency} at once (the client bounds
 * requests per registry on top); progress is saved after each page, so a backfill whose server stops
 * resumes after the last finished page. Scans are queued per artifact and fetch each layer once.
 */
@Component
class Backfill implements JobHandler<BackfillRegistry> {
    static final String KIND = "backfill";
    static final JobKind<BackfillRegistry> JOB = new JobKind<>(KIND, BackfillRegistry.class);
    private static final int PAGE = 100;
    private final Registries registries;
    private final RegistryClients clients;
    private final TagSync tagSync;
    private final JobQueue jobs;
    private final int concurrency;

    Backfill(
            Registries registries,
            RegistryClients clients,
            TagSync tagSync,
            JobQueue jobs,
            @Value("${catapult.registry.backfill-concurrency:4}") int concurrency) {
        this.registries = registries;
        this.clients = clients;
        this.tagSync = tagSync;
        this.jobs = jobs;
        this.concurrency = concurrency;
    }

    @Override
    public JobKind<BackfillRegistry> kind() {
        return JOB;
    }

    @Override
    public void run(Job<BackfillRegistry> job, JobProgress progress) throws Exception {
        RegistryRecord registry = registries.find(job.payload().registry());
        RegistryClient client = clients.forRegistry(registry);
        Map<String, Object> saved = jobs.progress(job.id());
        String last = (String) saved.get("lastRepository");
        AtomicLong repositories = new AtomicLong(number(saved, "repositories"));
        AtomicLong tags = new AtomicLong(number(saved, "tags"));
        while (true) {
            CatalogPage page = client.catalog(last, PAGE);
            processPage(registry, client, page.repositories(), repositories, tags);
            if (!page.repositories().isEmpty()) {
                last = page.repositories().getLast();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("phase", page.next() == null ? "done" : "running");
            p.put("repositories", repositories.get());
            p.put("tags", tags.get());
            p.put("lastRepository", last);
            progress.report(p);
            if (page.next() == null || page.repositories().isEmpty()) {
                return;
            }
        }
    }

    private void processPage(
            RegistryRecord registry, RegistryClient client, List<String> page, AtomicLong repositories, AtomicLong tags)
            throws InterruptedException, ExecutionException {
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(concurrency);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (String repository : page) {
                work.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        for (String tag : client.tags(repository)) {
                            tagSync.resolve(registry, client, repository, tag, "backfill");
                            tags.incrementAndGet();
                        }
                        repositories.incrementAndGet();
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
    }

    private static long number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
