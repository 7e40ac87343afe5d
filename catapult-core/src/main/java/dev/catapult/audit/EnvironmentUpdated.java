package dev.catapult.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code environment.updated}: an environment's settings changed; only the fields given are recorded (absent
 * = unchanged).
 */
public record EnvironmentUpdated(
        String environment,
        @Nullable Integer rank,
        @Nullable Integer requiredApprovals,
        @Nullable List<String> accounts,
        @Nullable Boolean isProtected)
        implements AuditEvent {
    public static final String ACTION = "environment.updated";

    public EnvironmentUpdated {
        accounts = accounts == null ? null : List.copyOf(accounts);
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.environment(environment),
                Details.present(
                        "rank",
                        rank,
                        "requiredApprovals",
                        requiredApprovals,
                        "accounts",
                        accounts,
                        "protected",
                        isProtected));
    }
}
