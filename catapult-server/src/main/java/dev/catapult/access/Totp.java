package dev.catapult.access;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** RFC 6238 codes (SHA-1, 30 s, 6 digits: what every authenticator app speaks), one step of drift allowed. */
final class Totp {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private Totp() {}

    static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    static String uri(String secret, String account) {
        return "otpauth://totp/Catapult:" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "?secret=" + secret
                + "&issuer=Catapult&algorithm=SHA1&digits=6&period=30";
    }

    /** The current code for {@code secret} (used by tests and the CLI's docs). */
    static String code(String secret, Instant at) {
        try {
            return GENERATOR.generateOneTimePasswordString(key(secret), at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The time step the code matches (so callers can refuse its reuse), if it matches the previous, current
     * or next step.
     */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long step = now.getEpochSecond() / STEP.getSeconds();
        for (long s = step - 1; s <= step + 1; s++) {
            if (java.security.MessageDigest.isEqual(
                    code(secret, Instant.ofEpochSecond(s * STEP.getSeconds())).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
    }
}
