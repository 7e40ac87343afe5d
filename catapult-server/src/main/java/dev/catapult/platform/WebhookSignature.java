package dev.catapult.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Catapult puts on everything it POSTs (deploy webhooks, notifications):
 * {@code X-Catapult-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + body)>} with the Unix time in
 * {@code X-Catapult-Timestamp}: the timestamp's ASCII digits immediately followed by the raw body bytes.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code timestamp} (Unix seconds). */
    public static String header(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
