package dev.catapult.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registries from the configuration file ({@code catapult.registries[…]}, e.g. in a YAML file passed with
 * {@code SPRING_CONFIG_ADDITIONAL_LOCATION}), created or updated on every start. The notification secret
 * is named by {@code notificationSecretEnv}, never written in the file.
 */
@Component
class ConfiguredRegistries implements ApplicationRunner {
    private final Registries registries;
    private final Environment environment;
    private final Config config;

    ConfiguredRegistries(Registries registries, Environment environment, Config config) {
        this.registries = registries;
        this.environment = environment;
        this.config = config;
    }

    /** {@code catapult.registries}. */
    @ConfigurationProperties("catapult")
    record Config(@DefaultValue List<Entry> registries) {}

    /** One configured registry. */
    record Entry(
            String name,
            String url,
            NewRegistry.@Nullable Auth auth,
            @Nullable String notificationSecretEnv,
            @Nullable String pollInterval,
            @Nullable Integer maxConcurrency) {}

    @Override
    public void run(ApplicationArguments args) {
        for (Entry e : config.registries()) {
            String secret =
                    e.notificationSecretEnv() == null ? null : environment.getProperty(e.notificationSecretEnv());
            registries.defineFromConfig(
                    new NewRegistry(e.name(), e.url(), e.auth(), secret, e.pollInterval(), e.maxConcurrency()));
        }
    }
}
