package dev.catapult.access;

/**
 * The authenticated principal behind a command, resolved at the HTTP edge and passed into modules.
 *
 * @param principalId the principal's id
 * @param name the principal's name: what the ledger records as author/actor
 * @param human whether it is a user (TOTP step-up applies) rather than a service account
 * @param totpEnrolled whether the user has a confirmed TOTP enrolment
 * @param grants the scopes of the token used
 */
public record Actor(String principalId, String name, boolean human, boolean totpEnrolled, Grants grants) {

    /** The server itself, for background work (timeouts, automation). */
    public static Actor system(String name) {
        return new Actor("system", name, false, false, new Grants(java.util.List.of(new Scope("admin"))));
    }
}
