package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.artifact.Artifact;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.common.InvalidInput;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The artifact catalogue: a searchable list, one artifact (labels, platforms, layers, files of interest),
 * and the content of an extracted file as a download.
 */
@Controller
class ArtifactPagesController {
    private final ArtifactQueries artifacts;

    ArtifactPagesController(ArtifactQueries artifacts) {
        this.artifacts = artifacts;
    }

    @GetMapping("/ui/artifacts")
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String repository,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        actor.grants().require(Permission.read());
        Slice<Artifact> page = artifacts.list(
                blankToNull(repository),
                blankToNull(tag),
                blankToNull(service),
                PageRequest.of(50, blankToNull(cursor)));
        model.addAttribute("actor", actor);
        model.addAttribute("artifacts", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("filterRepository", repository == null ? "" : repository);
        model.addAttribute("filterTag", tag == null ? "" : tag);
        model.addAttribute("filterService", service == null ? "" : service);
        return "ui/artifacts";
    }

    /** One platform manifest of an index, and whether the catalogue holds it (so the page can link to it). */
    record PlatformRow(String digest, String platform, boolean catalogued) {}

    @GetMapping("/ui/artifacts/{digest}")
    String artifact(Actor actor, @PathVariable String digest, Model model) {
        actor.grants().require(Permission.read());
        Artifact a = artifacts.get(digest);
        List<String> related = new ArrayList<>();
        a.platforms().stream()
                .map(p -> p.get("digest"))
                .filter(Objects::nonNull)
                .forEach(d -> related.add(d.toString()));
        if (a.parentDigest() != null) {
            related.add(a.parentDigest());
        }
        Set<String> known = artifacts.catalogued(related);
        List<PlatformRow> platforms = a.platforms().stream()
                .filter(p -> p.get("digest") != null)
                .map(p -> new PlatformRow(
                        p.get("digest").toString(),
                        platform(p),
                        known.contains(p.get("digest").toString())))
                .toList();
        model.addAttribute("actor", actor);
        model.addAttribute("artifact", a);
        model.addAttribute("platforms", platforms);
        model.addAttribute("platform", a.platform() == null ? null : platform(a.platform()));
        model.addAttribute("parentCatalogued", a.parentDigest() != null && known.contains(a.parentDigest()));
        return "ui/artifact";
    }

    /**
     * The exact bytes of a file extracted from a layer, as a download: never rendered by the browser, whatever
     * the file contains (the UI's headers add {@code X-Content-Type-Options: nosniff}).
     */
    @GetMapping("/ui/layers/{digest}/files")
    ResponseEntity<byte[]> file(
            Actor actor, @PathVariable String digest, @RequestParam(required = false) @Nullable String path) {
        actor.grants().require(Permission.read());
        if (path == null || path.isBlank()) {
            throw new InvalidInput("path", "is required");
        }
        byte[] content = artifacts.file(digest, path);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName(path), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    private static String platform(Map<String, Object> p) {
        StringBuilder sb = new StringBuilder();
        for (String key : List.of("os", "architecture", "variant")) {
            Object v = p.get(key);
            if (v != null && !v.toString().isBlank()) {
                sb.append(sb.isEmpty() ? "" : "/").append(v);
            }
        }
        return sb.isEmpty() ? "unknown" : sb.toString();
    }

    /** The file's own name, restricted to safe characters (it becomes the name the browser saves it under). */
    private static String fileName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isEmpty() || base.chars().allMatch(c -> c == '.') ? "file" : base;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
