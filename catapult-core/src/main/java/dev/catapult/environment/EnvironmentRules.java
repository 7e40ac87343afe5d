package dev.catapult.environment;

import dev.catapult.common.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What makes an environment's settings valid. */
public final class EnvironmentRules {
    /** Upper bound on approvers: beyond this a deploy could never realistically be approved. */
    public static final int MAX_REQUIRED_APPROVALS = 10;

    private static final Pattern ACCOUNT = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private EnvironmentRules() {}

    public static int rank(@Nullable Integer rank) {
        if (rank == null) {
            throw new InvalidInput("rank", "is required (promotion order, e.g. dev=10, staging=20, prod=30)");
        }
        if (rank < 0 || rank > 1_000_000) {
            throw new InvalidInput("rank", "must be between 0 and 1000000");
        }
        return rank;
    }

    public static int requiredApprovals(@Nullable Integer n) {
        if (n == null) {
            return 0;
        }
        if (n < 0 || n > MAX_REQUIRED_APPROVALS) {
            throw new InvalidInput("requiredApprovals", "must be between 0 and " + MAX_REQUIRED_APPROVALS);
        }
        return n;
    }

    public static List<String> accounts(@Nullable List<String> accounts) {
        if (accounts == null) {
            return List.of();
        }
        if (accounts.size() > 100) {
            throw new InvalidInput("accounts", "at most 100 accounts");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            String a = accounts.get(i);
            if (a == null || !ACCOUNT.matcher(a).matches()) {
                throw new InvalidInput("accounts[" + i + "]", "is not a cloud account id");
            }
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
