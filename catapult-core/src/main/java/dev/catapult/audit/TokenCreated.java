package dev.catapult.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code token.created}: an API token was issued to {@code principal} (never its secret). */
public record TokenCreated(
        String principal,
        String tokenId,
        String name,
        List<String> scopes,
        @Nullable Instant expiresAt) implements AuditEvent {
    public static final String ACTION = "token.created";

    public TokenCreated {
        scopes = List.copyOf(scopes);
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.principal(principal),
                Details.of(
                        "tokenId",
                        tokenId,
                        "name",
                        name,
                        "scopes",
                        scopes,
                        "expiresAt",
                        expiresAt == null ? null : expiresAt.toString()));
    }
}
