package dev.catapult.artifact.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.AdminBackfillRequest;
import dev.catapult.api.AdminScanRequest;
import dev.catapult.api.ArtifactView;
import dev.catapult.api.JobAccepted;
import dev.catapult.api.Page;
import dev.catapult.artifact.AdminCommands;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.platform.PageRequest;
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
        return queries.list(repository, tag, service, PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/v1/artifacts/{digest}")
    ArtifactView get(Actor actor, @PathVariable String digest) {
        actor.grants().require(Permission.read());
        return queries.get(digest);
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
        return ResponseEntity.accepted().body(admin.scan(actor, body.repository(), body.tag()));
    }

    @PostMapping("/api/v1/admin/backfill")
    ResponseEntity<JobAccepted> backfill(Actor actor, @RequestBody AdminBackfillRequest body) {
        return ResponseEntity.accepted().body(admin.backfill(actor, body.registry()));
    }
}
