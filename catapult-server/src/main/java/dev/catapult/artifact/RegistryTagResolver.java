package dev.catapult.artifact;

import dev.catapult.common.InvalidInput;
import dev.catapult.registry.ManifestDescriptor;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryClients;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryRecord;
import dev.catapult.release.Digest;
import dev.catapult.release.ImageReference;
import dev.catapult.release.TagResolver;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Resolves release image tags through the configured registry serving the image's host: one {@code HEAD}.
 * An unknown tag, or a host no registry is configured for, is the client's error (400).
 */
@Component
@Primary
class RegistryTagResolver implements TagResolver {
    private final Registries registries;
    private final RegistryClients clients;

    RegistryTagResolver(Registries registries, RegistryClients clients) {
        this.registries = registries;
        this.clients = clients;
    }

    @Override
    public Digest resolve(ImageReference ref) {
        String repo = ref.repository().value();
        Optional<Registries.Location> location = registries.locate(repo);
        if (location.isEmpty()) {
            throw new InvalidInput(
                    "image",
                    "'" + ref + "' is a tag reference and no registry is configured for its host; "
                            + "add the registry (POST /api/v1/registries) or pass a digest reference (" + repo
                            + "@sha256:…)");
        }
        RegistryRecord registry = location.get().registry();
        try {
            Optional<ManifestDescriptor> head = clients.forRegistry(registry)
                    .head(location.get().path(), Objects.requireNonNull(ref.tag(), "a tag reference"));
            return head.orElseThrow(
                            () -> new InvalidInput("image", "tag '" + ref.tag() + "' does not exist in " + repo))
                    .digest();
        } catch (RegistryException e) {
            throw switch (e.kind()) {
                case NOT_FOUND ->
                    new InvalidInput(
                            "image", "repository " + repo + " does not exist in registry '" + registry.name() + "'");
                case UNAUTHORIZED ->
                    new InvalidInput(
                            "image", "registry '" + registry.name() + "' refused Catapult's credentials for " + repo);
                default ->
                    new dev.catapult.platform.UpstreamUnavailable("registry '" + registry.name()
                            + "' could not resolve " + ref + " right now: " + e.getMessage());
            };
        }
    }
}
