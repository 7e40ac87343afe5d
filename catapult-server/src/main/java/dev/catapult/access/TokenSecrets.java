package dev.catapult.access;

import dev.catapult.common.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer secrets: 32 random bytes, shown once, stored only as their SHA-256. A fast hash is right here
 * (unlike for passwords): the secret has 256 bits of entropy, so there is nothing to brute-force.
 */
final class TokenSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "cat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
