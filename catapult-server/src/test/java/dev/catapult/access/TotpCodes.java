package dev.catapult.access;

import java.time.Instant;

/** Test access to the server's TOTP generator, as an authenticator app would compute codes. */
public final class TotpCodes {
    private TotpCodes() {}

    public static String at(String secret, Instant at) {
        return Totp.code(secret, at);
    }
}
