package dev.catapult.registry.oci;

import dev.catapult.registry.CatalogPage;
import dev.catapult.registry.FetchedManifest;
import dev.catapult.registry.ManifestDescriptor;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import dev.catapult.registry.RequestCounts;
import dev.catapult.registry.oci.RegistryHttp.Call;
import dev.catapult.registry.oci.RegistryHttp.Exchange;
import dev.catapult.release.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The registry calls themselves: which URL, which scope, what to verify. Transport concerns (auth, limits,
 * retries, redirects) are {@link RegistryHttp}'s; paging is {@link Paging}'s.
 */
final class OciRegistryClient implements RegistryClient {
    /** OCI registries SHOULD accept manifests up to 4 MiB; anything larger is not a manifest we want. */
    static final long MANIFEST_CAP = 4L << 20;

    private final RegistrySettings settings;
    private final RegistryHttp http;
    private final Paging paging;
    private final RequestCounters counters;

    OciRegistryClient(RegistrySettings settings, RegistryHttp http, RequestCounters counters) {
        this.settings = settings;
        this.http = http;
        this.paging = new Paging(settings, http);
        this.counters = counters;
    }

    @Override
    public Optional<ManifestDescriptor> head(String repository, String reference) {
        Call call = manifestCall(RequestKind.HEAD_MANIFEST, "HEAD", repository, reference);
        HttpResponse<byte[]> response = http.fetch(call, MANIFEST_CAP);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        HttpHeaders headers = response.headers();
        Optional<String> digest = headers.firstValue("Docker-Content-Digest").filter(Names::isDigest);
        Optional<String> type = headers.firstValue("Content-Type")
                .map(MediaTypes::withoutParameters)
                .filter(MediaTypes::isManifest);
        Optional<Long> size = headers.firstValue("Content-Length").flatMap(OciRegistryClient::parseLong);
        if (digest.isEmpty() || type.isEmpty() || size.isEmpty()) {
            // HEAD told too little (the digest header is optional in the spec): fetch and hash instead.
            try {
                FetchedManifest manifest = manifest(repository, reference);
                return Optional.of(
                        new ManifestDescriptor(manifest.digest(), manifest.mediaType(), manifest.bytes().length));
            } catch (RegistryException e) {
                if (e.kind() == Kind.NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        if (Names.isDigest(reference) && !reference.equals(digest.get())) {
            throw new RegistryException(Kind.INVALID, call.what() + ": the registry says it is " + digest.get());
        }
        return Optional.of(new ManifestDescriptor(new Digest(digest.get()), type.get(), size.get()));
    }

    @Override
    public FetchedManifest manifest(String repository, String reference) {
        Call call = manifestCall(RequestKind.GET_MANIFEST, "GET", repository, reference);
        HttpResponse<byte[]> response = http.fetch(call, MANIFEST_CAP);
        if (response.statusCode() == 404) {
            throw notFound(call, response.body());
        }
        byte[] bytes = response.body();
        String actual = sha256(bytes);
        if (Names.isDigest(reference) && !reference.equals(actual)) {
            throw new RegistryException(
                    Kind.INVALID, call.what() + ": content does not match its digest (got " + actual + ")");
        }
        Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
        if (claimed.isPresent()
                && claimed.get().startsWith("sha256:")
                && !claimed.get().equals(actual)) {
            throw new RegistryException(
                    Kind.INVALID,
                    call.what() + ": content hashes to " + actual + " but the registry says " + claimed.get());
        }
        return new FetchedManifest(new Digest(actual), mediaType(call, response), bytes);
    }

    @Override
    public List<String> tags(String repository) {
        return paging.tags(Names.repository(repository));
    }

    @Override
    public CatalogPage catalog(@Nullable String last, int pageSize) {
        return paging.catalog(last, pageSize);
    }

    @Override
    public InputStream blob(String repository, Digest digest) {
        Names.repository(repository);
        Call call = new Call(
                RequestKind.BLOB,
                "GET",
                endpoint("/v2/" + repository + "/blobs/" + digest.value()),
                Paging.pullScope(repository),
                "GET blob " + repository + "@" + digest.value(),
                List.of());
        Exchange<InputStream> exchange = http.open(call);
        if (exchange.status() == 404) {
            exchange.permit().release();
            try {
                exchange.response().body().close();
            } catch (IOException e) {
                // nothing to read anyway
            }
            throw notFound(call, new byte[0]);
        }
        return new VerifiedBlobStream(
                exchange.response().body(),
                digest,
                "registry '" + settings.name() + "': " + call.what(),
                exchange.permit(),
                settings.timeout());
    }

    @Override
    public RequestCounts counts() {
        return counters.snapshot();
    }

    private Call manifestCall(RequestKind kind, String method, String repository, String reference) {
        Names.repository(repository);
        Names.reference(reference);
        String separator = Names.isDigest(reference) ? "@" : ":";
        return new Call(
                kind,
                method,
                endpoint("/v2/" + repository + "/manifests/" + reference),
                Paging.pullScope(repository),
                method + " manifest " + repository + separator + reference,
                MediaTypes.MANIFESTS);
    }

    private URI endpoint(String path) {
        return settings.url().resolve(path);
    }

    /** The served {@code Content-Type} if it is a manifest type, else the document's own {@code mediaType}. */
    private String mediaType(Call call, HttpResponse<byte[]> response) {
        Optional<String> served = response.headers().firstValue("Content-Type").map(MediaTypes::withoutParameters);
        if (served.isPresent() && MediaTypes.isManifest(served.get())) {
            return served.get();
        }
        JsonNode declared = Json.parse(response.body(), call.what()).path("mediaType");
        if (declared.isString() && !declared.stringValue().isBlank()) {
            return declared.stringValue();
        }
        return served.filter(s -> !s.isBlank())
                .orElseThrow(() -> new RegistryException(
                        Kind.INVALID, call.what() + ": the registry did not say what media type the manifest is"));
    }

    private RegistryException notFound(Call call, byte[] body) {
        return Failures.forStatus(settings.name(), call.what(), 404, body, "");
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
