package dev.catapult.compat.cdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CdpFilesTest extends ServerTest {
    private static final String LAYER = "sha256:" + "e".repeat(64);
    private static final byte[] CONTENT = {0x00, (byte) 0xff, (byte) 0xfe, '{', '}', '\r', '\n', (byte) 0x80};
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void layer() {
        new CatalogueSeed(jdbc).layer(LAYER, Map.of("app/Defra.Cdp.Deployments.deps.json", CONTENT));
    }

    @Test
    void aFileIsItsExactBytesAsOctetStream() throws Exception {
        HttpResponse<byte[]> r =
                get("/compat/cdp/files/" + LAYER + "?path=" + encode("app/Defra.Cdp.Deployments.deps.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(r.body()).isEqualTo(CONTENT);
        assertThat(get("/compat/cdp/files/" + LAYER + "?path=" + encode("/app/Defra.Cdp.Deployments.deps.json"))
                        .body())
                .isEqualTo(CONTENT);
    }

    @Test
    void unknownLayersAndPathsAreNotFoundAndThePathIsRequired() throws Exception {
        assertThat(get("/compat/cdp/files/sha256:" + "f".repeat(64) + "?path=app/x.json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/compat/cdp/files/" + LAYER + "?path=app/other.json").statusCode())
                .isEqualTo(404);
        assertThat(get("/compat/cdp/files/" + LAYER).statusCode()).isEqualTo(400);
        assertThat(get("/compat/cdp/files/not-a-digest?path=app/x.json").statusCode())
                .isEqualTo(400);
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
