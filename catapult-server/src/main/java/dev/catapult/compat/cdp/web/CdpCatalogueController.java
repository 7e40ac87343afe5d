package dev.catapult.compat.cdp.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.compat.cdp.CdpCatalogue;
import dev.catapult.compat.cdp.DeployableArtifact;
import dev.catapult.compat.cdp.ServiceInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * cdp-portal-backend's service, artifact, file and deployable reads. Repository paths hold slashes, which
 * cdp's single-segment names did not, so those routes capture the rest of the path.
 */
@RestController
@RequestMapping("/compat/cdp")
class CdpCatalogueController {
    private final CdpCatalogue catalogue;

    CdpCatalogueController(CdpCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/services")
    List<ServiceInfo> services(Actor actor) {
        actor.grants().require(Permission.read());
        return catalogue.services();
    }

    @GetMapping("/services/{name}")
    ServiceInfo service(Actor actor, @PathVariable String name) {
        actor.grants().require(Permission.read());
        return catalogue.service(name);
    }

    @GetMapping("/artifacts")
    List<DeployableArtifact> artifacts(Actor actor) {
        actor.grants().require(Permission.read());
        return catalogue.artifacts();
    }

    /** {@code /artifacts/{repo}} lists a repository's tags; {@code /artifacts/{repo}/{tag}} is one of them. */
    @GetMapping("/artifacts/{*path}")
    Object artifactsAt(Actor actor, @PathVariable String path) {
        actor.grants().require(Permission.read());
        return switch (catalogue.resolve(path)) {
            case CdpCatalogue.ArtifactPath.Repository r -> catalogue.artifacts(r.repository());
            case CdpCatalogue.ArtifactPath.Tag t -> catalogue.artifact(t.repository(), t.tag());
        };
    }

    @GetMapping("/files/{layerDigest}")
    ResponseEntity<byte[]> file(
            Actor actor, @PathVariable String layerDigest, @RequestParam(required = false) @Nullable String path) {
        actor.grants().require(Permission.read());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(catalogue.file(layerDigest, path));
    }

    @GetMapping("/deployables")
    List<String> deployables(Actor actor) {
        actor.grants().require(Permission.read());
        return catalogue.deployables();
    }

    @GetMapping("/deployables/{*repo}")
    List<String> deployableTags(Actor actor, @PathVariable String repo) {
        actor.grants().require(Permission.read());
        return catalogue.deployableTags(repo);
    }
}
