package dev.catapult.access;

import dev.catapult.common.InvalidInput;
import dev.catapult.common.Wildcards;
import java.util.regex.Pattern;

/**
 * One token scope (SPEC §10): {@code admin}, {@code read}, {@code app:write}, {@code release:<app-glob>},
 * {@code deploy:<app-glob>:<env-glob>}, {@code deploy:report}, {@code watch:<app-glob>:<env-glob>}. Globs
 * use {@code *} (any run of characters) and {@code ?} (one character).
 */
public record Scope(String value) {
    private static final Pattern GLOB = Pattern.compile("^[a-z0-9*?-]{1,63}$");

    public Scope {
        if (value == null || !isValid(value)) {
            throw new InvalidInput(
                    "scopes",
                    "'" + value + "' is not a scope (admin, read, app:write, release:<app-glob>, "
                            + "deploy:<app-glob>:<env-glob>, deploy:report, watch:<app-glob>:<env-glob>)");
        }
    }

    private static boolean isValid(String v) {
        if (v.equals("admin") || v.equals("read") || v.equals("app:write") || v.equals("deploy:report")) {
            return true;
        }
        String[] p = v.split(":", -1);
        return switch (p[0]) {
            case "release" -> p.length == 2 && GLOB.matcher(p[1]).matches();
            case "deploy", "watch" ->
                p.length == 3
                        && GLOB.matcher(p[1]).matches()
                        && GLOB.matcher(p[2]).matches();
            default -> false;
        };
    }

    /** Whether this scope alone grants {@code permission}. Every scope grants {@code read}; admin grants all. */
    public boolean grants(Permission permission) {
        if (value.equals("admin") || permission instanceof Permission.Read) {
            return true;
        }
        String[] p = value.split(":", -1);
        return switch (permission) {
            case Permission.AppWrite w -> value.equals("app:write");
            case Permission.Release r -> p[0].equals("release") && p.length == 2 && Wildcards.matches(p[1], r.app());
            case Permission.Deploy d ->
                p[0].equals("deploy")
                        && p.length == 3
                        && Wildcards.matches(p[1], d.app())
                        && Wildcards.matches(p[2], d.environment());
            case Permission.DeployReport r -> value.equals("deploy:report");
            case Permission.Watch w ->
                p[0].equals("watch")
                        && p.length == 3
                        && Wildcards.matches(p[1], w.app())
                        && Wildcards.matches(p[2], w.environment());
            case Permission.Admin a -> false;
            case Permission.Read r -> true;
        };
    }
}
