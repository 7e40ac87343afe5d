package dev.catapult.registry.oci;

import dev.catapult.common.InvalidInput;
import dev.catapult.registry.CatalogPage;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import dev.catapult.registry.oci.RegistryHttp.Call;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tag lists and the catalog, paged by {@code Link: <…>; rel="next"}. Tags are returned sorted by
 * {@link String#compareTo} (code-point order, so {@code 1.10.0} sorts before {@code 1.9.0}): registries return
 * them unsorted (Debian's registry 2.8 does), and choosing a winner is core's job, not this order's.
 */
final class Paging {
    private static final long PAGE_CAP = 16L << 20;
    private static final int MAX_PAGES = 10_000;
    static final int MAX_CATALOG_PAGE = 10_000;

    private final RegistrySettings settings;
    private final RegistryHttp http;

    Paging(RegistrySettings settings, RegistryHttp http) {
        this.settings = settings;
        this.http = http;
    }

    static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }

    List<String> tags(String repository) {
        Set<String> tags = new HashSet<>();
        Set<URI> seen = new HashSet<>();
        URI page = settings.url().resolve("/v2/" + repository + "/tags/list");
        String what = "GET tags of " + repository;
        while (page != null) {
            if (!seen.add(page) || seen.size() > MAX_PAGES) {
                throw new RegistryException(
                        Kind.INVALID,
                        "registry '" + settings.name() + "': " + what + " pages in a loop or without end");
            }
            HttpResponse<byte[]> response = http.fetch(
                    new Call(
                            RequestKind.TAG_LIST,
                            "GET",
                            page,
                            pullScope(repository),
                            what,
                            List.of("application/json")),
                    PAGE_CAP);
            if (response.statusCode() == 404) {
                throw Failures.forStatus(settings.name(), what, 404, response.body(), "");
            }
            tags.addAll(strings(Json.parse(response.body(), what).path("tags"), what));
            page = nextPage(response, page, what).orElse(null);
        }
        List<String> sorted = new ArrayList<>(tags);
        sorted.sort(String::compareTo);
        return List.copyOf(sorted);
    }

    /**
     * One catalog page. If the registry ignores {@code n} and sends more, the page is cut to {@code pageSize}
     * and continues after its last name.
     */
    CatalogPage catalog(@Nullable String last, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_CATALOG_PAGE) {
            throw new InvalidInput("pageSize", "must be between 1 and " + MAX_CATALOG_PAGE);
        }
        String query = "?n=" + pageSize + (last == null ? "" : "&last=" + OciRegistryClient.encode(last));
        URI uri = settings.url().resolve("/v2/_catalog" + query);
        String what = "GET catalog" + (last == null ? "" : " after " + last);
        HttpResponse<byte[]> response = http.fetch(
                new Call(RequestKind.CATALOG, "GET", uri, "registry:catalog:*", what, List.of("application/json")),
                PAGE_CAP);
        if (response.statusCode() == 404) {
            throw Failures.forStatus(settings.name(), what, 404, response.body(), "");
        }
        List<String> names = strings(Json.parse(response.body(), what).path("repositories"), what);
        if (names.size() > pageSize) {
            List<String> cut = List.copyOf(names.subList(0, pageSize));
            return new CatalogPage(cut, cut.getLast());
        }
        Optional<URI> next = nextPage(response, uri, what);
        if (next.isEmpty() || names.isEmpty()) {
            return new CatalogPage(List.copyOf(names), null);
        }
        return new CatalogPage(
                List.copyOf(names),
                LinkHeader.queryParameter(next.get(), "last").orElse(names.getLast()));
    }

    /** Only pages on the registry itself are followed: a Link elsewhere is malformed, not a place to send tokens. */
    private Optional<URI> nextPage(HttpResponse<byte[]> response, URI page, String what) {
        Optional<URI> next = LinkHeader.next(response.headers().allValues("Link"), page);
        if (next.isPresent() && !RegistryHttp.sameOrigin(next.get(), settings.url())) {
            throw new RegistryException(
                    Kind.INVALID,
                    "registry '" + settings.name() + "': " + what + " links its next page to another host");
        }
        return next;
    }

    /** A JSON array of strings; {@code null} (an empty repository on some registries) is empty. */
    private List<String> strings(JsonNode node, String what) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new RegistryException(
                    Kind.INVALID, "registry '" + settings.name() + "': " + what + " is not a list of names");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new RegistryException(
                        Kind.INVALID, "registry '" + settings.name() + "': " + what + " holds something not a name");
            }
            values.add(item.stringValue());
        }
        return values;
    }
}
