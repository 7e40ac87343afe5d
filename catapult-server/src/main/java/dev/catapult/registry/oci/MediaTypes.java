package dev.catapult.registry.oci;

import java.util.List;
import java.util.Locale;

/** The manifest media types Catapult understands, sent as {@code Accept} on every manifest request. */
final class MediaTypes {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /** Registries answer 404 (or a schema-1 manifest) to a manifest request that accepts none of these. */
    static final List<String> MANIFESTS = List.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

    private MediaTypes() {}

    static boolean isManifest(String mediaType) {
        return MANIFESTS.contains(mediaType);
    }

    /** {@code application/json; charset=utf-8} → {@code application/json}. */
    static String withoutParameters(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
