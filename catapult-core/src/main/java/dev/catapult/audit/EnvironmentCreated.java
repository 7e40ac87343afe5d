package dev.catapult.audit;

import java.util.List;

/** {@code environment.created}: an environment was created. */
public record EnvironmentCreated(
        String environment, int rank, boolean isProtected, int requiredApprovals, List<String> accounts)
        implements AuditEvent {
    public static final String ACTION = "environment.created";

    public EnvironmentCreated {
        accounts = List.copyOf(accounts);
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.environment(environment),
                Details.of(
                        "rank",
                        rank,
                        "protected",
                        isProtected,
                        "requiredApprovals",
                        requiredApprovals,
                        "accounts",
                        accounts));
    }
}
