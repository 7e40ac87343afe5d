package dev.catapult.registry.oci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides the {@code Authorization} header for requests to the registry's own origin (never to hosts it
 * redirects to). Starts with what the settings allow up front: nothing, basic credentials or a static bearer
 * token. A {@code Bearer} challenge switches this registry to tokens for good: from then on each request
 * carries a token for its scope (pull only; basic credentials go to the token service, not the registry).
 */
final class Authenticator {
    private final Credentials credentials;
    private final BearerTokens tokens;
    private volatile @Nullable Challenge tokenService;

    Authenticator(Credentials credentials, BearerTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    /** The header for a request needing {@code scope}; may fetch a token. */
    Optional<String> authorization(String scope) {
        Challenge service = tokenService;
        if (service != null) {
            return Optional.of("Bearer " + tokens.token(service, scope));
        }
        return credentials.preemptive();
    }

    /**
     * Learns from a 401. True when trying again may succeed: the registry just told us where to get a token,
     * or the token we sent had been cached and was refused (revoked or expired early), so a fresh one may do.
     */
    boolean onChallenge(List<String> wwwAuthenticate, String scope) {
        if (credentials.type() == Credentials.Type.BEARER) {
            return false; // a static token was refused: nothing else to try
        }
        Optional<Challenge> challenge = Challenge.bearer(wwwAuthenticate);
        if (challenge.isEmpty()) {
            return false; // Basic: we sent what we have, or have nothing
        }
        Challenge previous = tokenService;
        tokenService = challenge.get();
        if (previous == null || !sameService(previous, challenge.get())) {
            return true;
        }
        return tokens.invalidate(challenge.get(), scope);
    }

    String describe() {
        return tokenService == null
                ? credentials.describe()
                : "a token for pull access, requested " + credentials.describe();
    }

    private static boolean sameService(Challenge a, Challenge b) {
        return Objects.equals(a.realm(), b.realm()) && Objects.equals(a.service(), b.service());
    }
}
