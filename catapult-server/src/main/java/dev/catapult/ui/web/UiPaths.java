package dev.catapult.ui.web;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** UI paths built from names, each name encoded as one path segment. */
final class UiPaths {
    private UiPaths() {}

    static String segment(String name) {
        return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    static String app(String app) {
        return "/ui/apps/" + segment(app);
    }

    static String target(String app, String env) {
        return app(app) + "/targets/" + segment(env);
    }
}
