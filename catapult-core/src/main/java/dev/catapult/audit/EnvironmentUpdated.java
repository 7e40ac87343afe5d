package dev.catapult.audit;

import java.util.List;
import java.util.Map;
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
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "environment/" + environment;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.present(
                "rank", rank, "requiredApprovals", requiredApprovals, "accounts", accounts, "protected", isProtected);
    }
}
