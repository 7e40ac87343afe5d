package dev.catapult.compat.cdp;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.artifact.AcceptedJob;
import dev.catapult.artifact.AdminCommands;
import dev.catapult.common.InvalidInput;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * cdp's admin commands on Catapult's jobs. cdp knew one registry, so its {@code repo} has no host; this
 * finds the registry that holds the repository, and its backfill covers every registry.
 */
@Service
public class CdpAdmin {
    private final AdminCommands admin;
    private final Registries registries;
    private final CatalogueIndex index;

    CdpAdmin(AdminCommands admin, Registries registries, CatalogueIndex index) {
        this.admin = admin;
        this.registries = registries;
        this.index = index;
    }

    /** Rescans one tag; {@code repo} may carry its registry host or not. */
    @Transactional
    public AcceptedJob scan(Actor actor, @Nullable String repo, @Nullable String tag) {
        actor.grants().require(Permission.admin());
        if (repo == null || repo.isBlank()) {
            throw new InvalidInput("repo", "is required");
        }
        if (tag == null || tag.isBlank()) {
            throw new InvalidInput("tag", "is required");
        }
        return admin.scan(actor, withHost(repo.strip()), tag.strip());
    }

    /** Backfills one registry, or every registry when none is named (what cdp's backfill did). */
    @Transactional
    public List<AcceptedJob> backfill(Actor actor, @Nullable String registry) {
        actor.grants().require(Permission.admin());
        if (registry != null && !registry.isBlank()) {
            return List.of(admin.backfill(actor, registry.strip()));
        }
        return registries.all().stream()
                .map(r -> admin.backfill(actor, r.name()))
                .toList();
    }

    private String withHost(String repo) {
        if (registries.locate(repo).isPresent()) {
            return repo;
        }
        List<String> hosts = index.hostsHolding(repo);
        if (hosts.size() == 1) {
            return hosts.getFirst() + "/" + repo;
        }
        List<RegistryRecord> all = registries.all();
        if (hosts.isEmpty() && all.size() == 1) {
            return all.getFirst().settings().host() + "/" + repo;
        }
        throw new InvalidInput(
                "repo",
                hosts.isEmpty()
                        ? "no registry is known to hold '" + repo
                                + "'; give it with its registry host, e.g. 127.0.0.1:5000/" + repo
                        : "'" + repo + "' is in several registries (" + String.join(", ", hosts)
                                + "); give it with its registry host");
    }
}
