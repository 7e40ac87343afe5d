package dev.catapult.registry.oci;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of an RFC 8288 {@code Link} header, as the distribution spec pages with it. */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    /** {@code </v2/app/tags/list?last=b&n=2>; rel="next"} → that URI resolved against the page's URI. */
    static Optional<URI> next(Iterable<String> headerValues, URI page) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    for (String r : rel.group(1).trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (r.equals("next")) {
                            try {
                                return Optional.of(page.resolve(link.group(1).trim()));
                            } catch (IllegalArgumentException e) {
                                return Optional.empty();
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A query parameter of a URI, decoded; the catalog's next page is named by its {@code last}. */
    static Optional<String> queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
