package dev.catapult.deploy;

import dev.catapult.common.InvalidInput;
import java.util.Locale;

/** Why a deploy happened. {@code AUTO} is reserved for the server's own automation. */
public enum DeployReason {
    MANUAL,
    ROLLBACK,
    PROMOTION,
    AUTO,
    REDEPLOY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a reason a client sent; clients may not claim {@code auto}. */
    public static DeployReason fromClient(String text) {
        for (DeployReason r : values()) {
            if (r != AUTO && r.wireName().equals(text)) {
                return r;
            }
        }
        throw new InvalidInput("reason", "'" + text + "' is not one of manual, rollback, promotion, redeploy");
    }

    public static DeployReason fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
