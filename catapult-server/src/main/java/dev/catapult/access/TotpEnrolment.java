package dev.catapult.access;

/** Where a TOTP enrolment stands after a step of {@link AccessControl#enrolTotp}. */
public sealed interface TotpEnrolment {

    /** Enrolment started: the user adds {@code secret} (base32) to an authenticator, then confirms a code. */
    record Started(String secret, String otpauthUri) implements TotpEnrolment {}

    /** The code matched: the principal now signs in with TOTP. */
    record Enrolled() implements TotpEnrolment {}
}
