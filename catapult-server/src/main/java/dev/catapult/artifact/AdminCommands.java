package dev.catapult.artifact;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.audit.ArtifactScanRequested;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.RegistryBackfillRequested;
import dev.catapult.common.InvalidInput;
import dev.catapult.job.JobQueue;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryRecord;
import dev.catapult.release.ImageReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin commands on the catalogue: scan one tag now, backfill a whole registry. Both run as jobs. */
@Service
public class AdminCommands {
    private final Registries registries;
    private final TagSync tagSync;
    private final JobQueue jobs;
    private final AuditTrail audit;

    AdminCommands(Registries registries, TagSync tagSync, JobQueue jobs, AuditTrail audit) {
        this.registries = registries;
        this.tagSync = tagSync;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** {@code repository} includes the registry host, e.g. {@code 127.0.0.1:5000/shop/api}. */
    @Transactional
    public AcceptedJob scan(Actor actor, @Nullable String repository, @Nullable String tag) {
        actor.grants().require(Permission.admin());
        if (repository == null || tag == null) {
            throw new InvalidInput(repository == null ? "repository" : "tag", "is required");
        }
        ImageReference ref = ImageReference.parse("repository", repository + ":" + tag);
        Registries.Location location = registries
                .locate(ref.repository().value())
                .orElseThrow(() -> new InvalidInput(
                        "repository",
                        "no registry is configured for '" + repository
                                + "' (give the repository with its registry host, e.g. 127.0.0.1:5000/shop/api)"));
        RegistryRecord registry = location.registry();
        String path = location.path();
        String id = tagSync.requestRescan(registry.name(), path, tag);
        audit.record(actor.name(), new ArtifactScanRequested(registry.name(), path, tag, id));
        return accepted(id, TagSync.KIND);
    }

    @Transactional
    public AcceptedJob backfill(Actor actor, @Nullable String registryName) {
        actor.grants().require(Permission.admin());
        if (registryName == null) {
            throw new InvalidInput("registry", "is required");
        }
        RegistryRecord registry = registries.find(registryName);
        String id = jobs.enqueue(
                Backfill.JOB, Backfill.KIND + ":" + registry.name(), new BackfillRegistry(registry.name()), 5);
        audit.record(actor.name(), new RegistryBackfillRequested(registry.name(), id));
        return accepted(id, Backfill.KIND);
    }

    private AcceptedJob accepted(String id, String kind) {
        return new AcceptedJob(id, kind, jobs.get(id).status());
    }
}
