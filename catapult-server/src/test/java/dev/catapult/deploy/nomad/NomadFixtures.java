package dev.catapult.deploy.nomad;

import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployTask;
import dev.catapult.targets.NomadSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.env.MockEnvironment;

/** What the nomad deployer tests share: a fixed clock, an environment with the token, progress captured. */
final class NomadFixtures {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final String IMAGE = "registry.example/shop/web@sha256:" + "4f".repeat(32);
    static final String NOMAD_TOKEN = "0f3b1c9e-7a44-4d55-9c1d-5e0c2b7d9a11";

    /** One progress report, as the deployer made it. */
    record Report(String message, @Nullable String externalRef) {}

    final MockEnvironment environment = new MockEnvironment().withProperty("NOMAD_TOKEN", NOMAD_TOKEN);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Report> reports = new CopyOnWriteArrayList<>();
    final NomadDeployer deployer =
            new NomadDeployer(environment, clock, (id, message, ref) -> reports.add(new Report(message, ref)));

    static NomadSettings settings(URI address) {
        return settings(address, "web", null);
    }

    static NomadSettings settings(URI address, @Nullable String group, @Nullable Duration timeout) {
        return new NomadSettings(address, "NOMAD_TOKEN", "apps", "web", group, "app", null, null, timeout);
    }

    static DeployTask task(NomadSettings settings) {
        return task(settings, IMAGE, NOW.plus(Duration.ofHours(1)));
    }

    static DeployTask task(NomadSettings settings, @Nullable String image, Instant deadline) {
        return new DeployTask(
                "01JDEPLOY0000000000000000",
                "shop",
                "production",
                8,
                "3f2a9c1",
                image,
                "1.5.0",
                "alice",
                DeployReason.MANUAL,
                false,
                settings,
                1,
                deadline);
    }
}
