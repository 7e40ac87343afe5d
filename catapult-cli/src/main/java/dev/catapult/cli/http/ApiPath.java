package dev.catapult.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A path under {@code /api/v1} with its query. Segments and values are percent-encoded here so that an app
 * or commit named by a user can never change which route is called.
 */
public final class ApiPath {

    private final String path;
    private final List<String> query;

    private ApiPath(String path, List<String> query) {
        this.path = path;
        this.query = query;
    }

    public static ApiPath of(Object... segments) {
        StringBuilder path = new StringBuilder("/api/v1");
        for (Object segment : segments) {
            path.append('/').append(encode(String.valueOf(segment)));
        }
        return new ApiPath(path.toString(), List.of());
    }

    /** Adds {@code name=value}; a {@code null} value is skipped so optional filters need no branching. */
    public ApiPath query(String name, @Nullable Object value) {
        if (value == null) {
            return this;
        }
        List<String> params = new ArrayList<>(query);
        params.add(encode(name) + "=" + encode(String.valueOf(value)));
        return new ApiPath(path, List.copyOf(params));
    }

    @Override
    public String toString() {
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
