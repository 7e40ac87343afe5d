package dev.catapult.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code catapult.*}; every one can be set from the environment ({@code CATAPULT_…}). */
@ConfigurationProperties("catapult")
public record CatapultProperties(
        Path dataDir, @Nullable String bootstrapToken, Database database, Http http, Deploys deploys) {

    /** An external PostgreSQL; when {@code url} is empty the server runs an embedded one. */
    public record Database(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Http(long maxBodyBytes) {}

    /**
     * Deploy execution: how often workers look for work, how long a claim lasts before another replica may
     * take the deploy over, how often dispatch is retried, and the timeout when a target sets none.
     */
    public record Deploys(
            Duration pollInterval,
            Duration lease,
            int maxAttempts,
            Duration defaultTimeout,
            Duration webhookRequestTimeout) {}
}
