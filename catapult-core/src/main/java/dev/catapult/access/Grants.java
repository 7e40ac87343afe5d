package dev.catapult.access;

import dev.catapult.common.Forbidden;
import java.util.List;

/** The scopes a principal's token carries, and the default-deny check against a permission. */
public record Grants(List<Scope> scopes) {

  public Grants {
    scopes = List.copyOf(scopes);
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
