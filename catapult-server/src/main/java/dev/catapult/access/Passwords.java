package dev.catapult.access;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt for user passwords, with a stand-in hash so that checking an unknown name costs as much as a real one. */
final class Passwords {
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    // encode answers null only for a null password
    private static final String STAND_IN =
            Objects.requireNonNull(BCRYPT.encode("no principal has this password; it only spends the time"));

    private Passwords() {}

    static String hash(String password) {
        return Objects.requireNonNull(BCRYPT.encode(password));
    }

    /**
     * Whether {@code password} matches {@code hash}. Without a hash (unknown name, service account, user
     * without a password) it is compared against the stand-in and never matches.
     */
    static boolean matches(String password, @Nullable String hash) {
        try {
            boolean matched = BCRYPT.matches(password, hash == null ? STAND_IN : hash);
            return matched && hash != null;
        } catch (IllegalArgumentException e) {
            // bcrypt refuses inputs it cannot hash (over 72 bytes in some versions): that is a mismatch, not an error.
            return false;
        }
    }
}
