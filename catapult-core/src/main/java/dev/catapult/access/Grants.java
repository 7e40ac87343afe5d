package dev.catapult.access;

import dev.catapult.common.Forbidden;
import java.util.List;

/** The scopes a principal's token carries, and the default-deny check against a permission. */
public record Grants(List<Scope> scopes) {

    public Grants {
        scopes = List.copyOf(scopes);
    }

    /**
     * What a password session may do (tokens carry scopes, principals do not): the union of the scopes of the
     * principal's live tokens, or {@code read} alone when it has none. Computed on every request, so revoking
     * or expiring a token narrows the principal's sessions at once.
     */
    public static Grants ofPasswordSession(List<Scope> liveTokenScopes) {
        return new Grants(
                liveTokenScopes.isEmpty()
                        ? List.of(new Scope("read"))
                        : liveTokenScopes.stream().distinct().toList());
    }

    public boolean allow(Permission permission) {
        for (Scope s : scopes) {
            if (s.grants(permission)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link Forbidden} naming the missing scope unless some scope grants {@code permission}. */
    public void require(Permission permission) {
        if (!allow(permission)) {
            throw new Forbidden("token lacks the scope " + permission.describe());
        }
    }
}
