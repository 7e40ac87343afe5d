package dev.catapult.bench.runtime;

import dev.catapult.bench.CatapultClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends generic-format runtime events (docs/runtime.md) to a {@code webhook} runtime source, signed as the server
 * requires: {@code X-Catapult-Signature: sha256=HMAC-SHA256(secret, X-Catapult-Timestamp ‖ body)}.
 */
final class RuntimeHooks {
    private final CatapultClient api;
    private final String source;
    private final byte[] secret;

    /** What the server answered one event, and how long the request took. */
    record Sent(CatapultClient.Response response, long nanos) {
        boolean accepted() {
            return response.status() == 202;
        }
    }

    RuntimeHooks(CatapultClient api, String source, String secret) {
        this.api = api;
        this.source = source;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Posts one event; {@code event} is the generic format's JSON object. */
    Sent send(Map<String, Object> event) throws IOException, InterruptedException {
        byte[] body = CatapultClient.JSON.writeValueAsBytes(event);
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature = sign(ts, body);
        long t0 = System.nanoTime();
        CatapultClient.Response r = api.postHook(
                "/hooks/runtime/" + source, body, "X-Catapult-Timestamp", ts, "X-Catapult-Signature", signature);
        return new Sent(r, System.nanoTime() - t0);
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
