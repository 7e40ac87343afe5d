package dev.catapult.artifact.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.AdminBackfillRequest;
import dev.catapult.api.AdminScanRequest;
import dev.catapult.api.ArtifactView;
import dev.catapult.api.JobAccepted;
import dev.catapult.api.Page;
import dev.catapult.artifact.AcceptedJob;
import dev.catapult.artifact.AdminCommands;
import dev.catapult.artifact.Artifact;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.web.Pages;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ArtifactController {
    private final ArtifactQueries queries;
    private final AdminCommands admin;

    ArtifactController(ArtifactQueries queries, AdminCommands admin) {
        this.queries = queries;
        this.admin = admin;
    }

    @GetMapping("/api/v1/artifacts")
    Page<ArtifactView> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String repository,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        actor.grants().require(Permission.read());
        return Pages.wire(
                queries.list(repository, tag, service, PageRequest.of(limit, cursor)), ArtifactController::view);
    }

    @GetMapping("/api/v1/artifacts/{digest}")
    ArtifactView get(Actor actor, @PathVariable String digest) {
        actor.grants().require(Permission.read());
        return view(queries.get(digest));
    }

    /** The exact bytes of a file extracted from a layer. */
    @GetMapping("/api/v1/layers/{digest}/files")
    ResponseEntity<byte[]> file(
            Actor actor, @PathVariable String digest, @RequestParam(required = false) @Nullable String path) {
        actor.grants().require(Permission.read());
        if (path == null || path.isBlank()) {
            throw new dev.catapult.common.InvalidInput("path", "is required");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(queries.file(digest, path));
    }

    /** What the scanner refused or left out in a layer, and why. */
    @GetMapping("/api/v1/layers/{digest}/findings")
    List<Map<String, String>> findings(Actor actor, @PathVariable String digest) {
        actor.grants().require(Permission.read());
        return queries.findings(digest);
    }

    @PostMapping("/api/v1/admin/scan")
    ResponseEntity<JobAccepted> scan(Actor actor, @RequestBody AdminScanRequest body) {
        return ResponseEntity.accepted().body(accepted(admin.scan(actor, body.repository(), body.tag())));
    }

    @PostMapping("/api/v1/admin/backfill")
    ResponseEntity<JobAccepted> backfill(Actor actor, @RequestBody AdminBackfillRequest body) {
        return ResponseEntity.accepted().body(accepted(admin.backfill(actor, body.registry())));
    }

    /** The wire form of a queued job: where to follow it. */
    static JobAccepted accepted(AcceptedJob job) {
        return new JobAccepted(job.id(), job.kind(), job.status(), "/api/v1/admin/jobs/" + job.id());
    }

    static ArtifactView view(Artifact a) {
        return new ArtifactView(
                a.registry(),
                a.repository(),
                a.digest(),
                a.mediaType(),
                a.size(),
                a.tags(),
                a.parentDigest(),
                a.platform(),
                a.platforms(),
                a.labels(),
                a.annotations(),
                a.created(),
                a.serviceName(),
                a.gitUrl(),
                a.revision(),
                a.layers().stream()
                        .map(l -> new ArtifactView.LayerRef(l.digest(), l.mediaType(), l.size()))
                        .toList(),
                a.files().stream()
                        .map(f -> new ArtifactView.FileRef(f.path(), f.layerDigest(), f.size(), f.sha256()))
                        .toList(),
                a.scanStatus(),
                a.scanError(),
                a.scannerVersion(),
                a.firstSeenAt());
    }
}
