package dev.catapult.artifact;

import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
import dev.catapult.job.JobKind;
import dev.catapult.job.JobProgress;
import dev.catapult.job.JobQueue;
import dev.catapult.registry.ManifestDescriptor;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryClients;
import dev.catapult.registry.RegistryRecord;
import dev.catapult.watch.WatchEvaluations;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code resolve-tag} job: asks the registry (one {@code HEAD}) where a tag points now and brings the
 * catalogue in line — map, move or unmap the tag, add the artifact, and queue its scan if it has not been
 * scanned with the current rules. Notifications and polls only say "look at this tag": the registry's
 * answer is the truth, so a redelivered or forged hint can never move a tag.
 */
@Component
public class TagSync implements JobHandler<ResolveTag> {
    static final String KIND = "resolve-tag";
    static final JobKind<ResolveTag> JOB = new JobKind<>(KIND, ResolveTag.class);
    private final Registries registries;
    private final RegistryClients clients;
    private final Catalogue catalogue;
    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final WatchEvaluations watches;

    TagSync(
            Registries registries,
            RegistryClients clients,
            Catalogue catalogue,
            JobQueue jobs,
            TransactionTemplate tx,
            WatchEvaluations watches) {
        this.watches = watches;
        this.registries = registries;
        this.clients = clients;
        this.catalogue = catalogue;
        this.jobs = jobs;
        this.tx = tx;
    }

    @Override
    public JobKind<ResolveTag> kind() {
        return JOB;
    }

    /** Queues a look at {@code repository:tag} (joins the caller's transaction; one queued look per tag). */
    public String request(String registry, String repository, String tag, String source) {
        return jobs.enqueue(
                JOB,
                KIND + ":" + registry + ":" + repository + ":" + tag,
                new ResolveTag(registry, repository, tag, source, false),
                8);
    }

    /** Queues a look at {@code repository:tag} that also rescans the artifact even if it is up to date. */
    public String requestRescan(String registry, String repository, String tag) {
        return jobs.enqueue(
                JOB,
                KIND + ":" + registry + ":" + repository + ":" + tag + ":rescan",
                new ResolveTag(registry, repository, tag, "admin", true),
                8);
    }

    @Override
    public void run(Job<ResolveTag> job, JobProgress progress) {
        RegistryRecord registry = registries.find(job.payload().registry());
        String repository = job.payload().repository();
        Optional<String> digest = resolve(
                registry,
                clients.forRegistry(registry),
                repository,
                job.payload().tag(),
                job.payload().source());
        if (job.payload().rescan() && digest.isPresent()) {
            jobs.enqueue(
                    ScanJobs.JOB,
                    ScanJobs.dedupeKey(registry.name(), repository, digest.get()),
                    ScanJobs.payload(registry.name(), repository, digest.get()),
                    8);
        }
    }

    /** Resolves one tag now; returns the digest it points at, if it exists. */
    public Optional<String> resolve(
            RegistryRecord registry, RegistryClient client, String repository, String tag, String source) {
        Optional<ManifestDescriptor> head = client.head(repository, tag);
        if (head.isPresent()
                && head.get()
                        .digest()
                        .value()
                        .equals(catalogue
                                .currentTag(registry.id(), repository, tag)
                                .orElse(null))
                && catalogue.isScanned(
                        registry.id(), repository, head.get().digest().value(), ScannerVersion.CURRENT)) {
            // Nothing changed: read-only, so an idle poll of a thousand pinned tags writes nothing to the database.
            return Optional.of(head.get().digest().value());
        }
        tx.executeWithoutResult(status -> {
            if (head.isEmpty()) {
                catalogue.unmapTag(registry.id(), repository, tag, source);
                return;
            }
            ManifestDescriptor d = head.get();
            catalogue.upsertArtifact(
                    registry.id(), repository, d.digest().value(), d.mediaType(), d.size(), null, null);
            boolean moved =
                    catalogue.mapTag(registry.id(), repository, tag, d.digest().value(), source);
            if (!catalogue.isScanned(registry.id(), repository, d.digest().value(), ScannerVersion.CURRENT)) {
                jobs.enqueue(
                        ScanJobs.JOB,
                        ScanJobs.dedupeKey(
                                registry.name(), repository, d.digest().value()),
                        ScanJobs.payload(registry.name(), repository, d.digest().value()),
                        8);
            } else if (moved) {
                watches.requestForRepository(registry.settings().host(), repository, source);
            }
        });
        return head.map(d -> d.digest().value());
    }
}
