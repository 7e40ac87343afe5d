package dev.catapult.audit;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code environment.created}: an environment was created. */
public record EnvironmentCreated(
        String environment, int rank, boolean isProtected, int requiredApprovals, List<String> accounts)
        implements AuditEvent {
    public static final String ACTION = "environment.created";

    public EnvironmentCreated {
        accounts = List.copyOf(accounts);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "environment/" + environment;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of(
                "rank", rank, "protected", isProtected, "requiredApprovals", requiredApprovals, "accounts", accounts);
    }
}
