package dev.catapult.docker;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Engine API version to speak: the engine's version from {@code /_ping}'s {@code Api-Version} header, capped
 * at the newest version this client was checked against. Every field sent and read here is unchanged from API
 * 1.40 (Docker 19.03, Podman 3) through 1.51 (Docker 28), so the engine's own version is used within that range;
 * engines from Docker 29 on refuse versions below 1.44, which is why the cap is not simply the oldest version.
 */
final class ApiVersion {
    static final String OLDEST_API = "1.40";
    static final String NEWEST_API = "1.51";
    private static final Pattern VERSION = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})$");

    private ApiVersion() {}

    /** The version to speak to an engine offering {@code engineVersion}. */
    static String negotiate(@Nullable String engineVersion) throws EngineException {
        if (engineVersion == null || !VERSION.matcher(engineVersion.trim()).matches()) {
            throw new EngineException(
                    "the Docker engine did not state its API version (Api-Version: " + engineVersion + ")");
        }
        String offered = engineVersion.trim();
        if (compare(offered, OLDEST_API) < 0) {
            throw new EngineException("the Docker engine speaks API " + offered + "; the docker deployer needs "
                    + OLDEST_API + " or later (Docker 19.03+, Podman 3+)");
        }
        return compare(offered, NEWEST_API) > 0 ? NEWEST_API : offered;
    }

    /** Compares {@code 1.9} and {@code 1.41} as versions, not as text. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
