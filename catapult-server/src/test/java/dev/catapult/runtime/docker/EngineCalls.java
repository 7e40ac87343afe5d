package dev.catapult.runtime.docker;

import dev.catapult.testkit.docker.EngineApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests do to a test Docker engine behind Catapult's back — create, start, stop, remove containers,
 * read its event log — straight through its Engine API (HTTP/1.0 over its unix socket), independent of the
 * code under test.
 */
final class EngineCalls {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final EngineApi engine;

    EngineCalls(Path socket) {
        this.engine = new EngineApi(socket);
    }

    /** Pulls {@code image} (a digest reference from a test registry on 127.0.0.1). */
    void pull(String image) {
        call("POST", "/images/create?fromImage=" + encode(image), null).ok();
    }

    /** Creates a container; its id. */
    String create(String name, Map<String, Object> body) {
        return call("POST", "/containers/create?name=" + encode(name), body)
                .json()
                .get("Id")
                .asString();
    }

    void start(String id) {
        call("POST", "/containers/" + id + "/start", null).ok();
    }

    void stop(String id) {
        call("POST", "/containers/" + id + "/stop?t=1", null).ok();
    }

    void remove(String id) {
        call("DELETE", "/containers/" + id + "?force=1", null);
    }

    JsonNode inspect(String id) {
        return call("GET", "/containers/" + id + "/json", null).json();
    }

    /** Every container carrying label {@code key}. */
    List<JsonNode> labelled(String key) {
        String filters = encode("{\"label\":[\"" + key + "\"]}");
        return call("GET", "/containers/json?all=1&filters=" + filters, null)
                .json()
                .valueStream()
                .toList();
    }

    /** The engine's event log between two Unix times (seconds), one JSON object per line, as the engine wrote it. */
    String events(long since, long until) {
        return call("GET", "/events?since=" + since + "&until=" + until, null)
                .ok()
                .body();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One request; an HTTP/1.0 answer is neither chunked nor kept alive, so it ends with the connection. */
    EngineApi.Reply call(String method, String path, @Nullable Object json) {
        return engine.call(method, path, json);
    }
}
