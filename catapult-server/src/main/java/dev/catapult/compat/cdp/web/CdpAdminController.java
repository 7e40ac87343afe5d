package dev.catapult.compat.cdp.web;

import dev.catapult.access.Actor;
import dev.catapult.api.JobAccepted;
import dev.catapult.artifact.AcceptedJob;
import dev.catapult.compat.cdp.CdpAdmin;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * cdp-portal-backend's admin commands. cdp scanned while the request waited and answered 200; here the work
 * is queued as jobs, still answered 200 so cdp clients see what they expect, with the jobs to follow.
 */
@RestController
@RequestMapping("/compat/cdp/admin")
class CdpAdminController {
    private final CdpAdmin admin;

    CdpAdminController(CdpAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/scan")
    JobAccepted scan(
            Actor actor,
            @RequestParam(required = false) @Nullable String repo,
            @RequestParam(required = false) @Nullable String tag) {
        return accepted(admin.scan(actor, repo, tag));
    }

    @PostMapping("/backfill")
    List<JobAccepted> backfill(Actor actor, @RequestParam(required = false) @Nullable String registry) {
        return admin.backfill(actor, registry).stream()
                .map(CdpAdminController::accepted)
                .toList();
    }

    /** Catapult's own job answer, so cdp clients can follow the job like any other. */
    private static JobAccepted accepted(AcceptedJob job) {
        return new JobAccepted(job.id(), job.kind(), job.status(), "/api/v1/admin/jobs/" + job.id());
    }
}
