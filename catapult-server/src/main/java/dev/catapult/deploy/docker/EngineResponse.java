package dev.catapult.deploy.docker;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An Engine API answer, read whole; header names are lower case. */
record EngineResponse(int status, Map<String, String> headers, byte[] body) {
    EngineResponse {
        headers = Map.copyOf(headers);
    }

    @Nullable
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
