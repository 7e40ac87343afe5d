package dev.catapult.deploy.docker;

import dev.catapult.common.InvalidInput;
import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.Deployer;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.docker.DockerEngine;
import dev.catapult.docker.EngineException;
import dev.catapult.release.ImageReference;
import dev.catapult.targets.DockerSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deploys a release as a container on a Docker Engine API host (SPEC §7 {@code docker}): negotiates the API
 * version, pulls the release's image by digest, swaps the target's container for a new one
 * ({@link ContainerSwap}), and waits for its health check — putting the previous container back when the new
 * one fails. The new container's id is the deploy's external reference.
 *
 * <p>The health wait gets the target's {@code healthCheck.timeout}, cut short so that {@value #RESERVE_SECONDS}
 * s remain before the deploy's deadline to restore the previous container.
 */
@Component
class DockerDeployer implements Deployer {
    private static final Logger log = LoggerFactory.getLogger(DockerDeployer.class);
    static final int RESERVE_SECONDS = 30;

    private final JsonMapper json;
    private final Environment environment;
    private final Clock clock;
    private final HealthWait health;

    DockerDeployer(JsonMapper json, Environment environment, Clock clock) {
        this.json = json;
        this.environment = environment;
        this.clock = clock;
        HttpClient probes = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.health = new HealthWait(probes, clock);
    }

    @Override
    public String type() {
        return "docker";
    }

    @Override
    public DispatchOutcome dispatch(DeployTask task) throws InterruptedException {
        DockerSettings settings = (DockerSettings) task.deployer();
        if (task.image() == null) {
            return new DispatchOutcome.Failed("release " + task.version() + " has no image to run", null);
        }
        ImageReference image;
        try {
            image = ImageReference.parse("image", task.image());
        } catch (InvalidInput e) {
            return new DispatchOutcome.Failed("release image is not a valid reference: " + task.image(), null);
        }
        if (image.pinned().isEmpty()) {
            return new DispatchOutcome.Failed(
                    "release image " + task.image()
                            + " is not pinned to a digest; the docker deployer runs images by digest only",
                    null);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : settings.secretEnv().entrySet()) {
            String value = environment.getProperty(e.getValue());
            if (value == null) {
                return new DispatchOutcome.Failed(
                        "server variable " + e.getValue() + " (for the container's " + e.getKey() + ") is not set",
                        null);
            }
            secrets.put(e.getKey(), value);
        }
        String reference = image.digestReference();
        try {
            DockerEngine engine = DockerEngine.connect(settings.host(), json);
            log.info(
                    "Deploy {}: Docker engine at {} speaks API {}; pulling {}",
                    task.id(),
                    settings.host(),
                    engine.apiVersion(),
                    reference);
            engine.pull(reference, atLeastSeconds(Duration.between(clock.instant(), reserveStart(task)), 5));
            ContainerSwap swap = new ContainerSwap(
                    engine, health, settings, task, ContainerBlueprint.of(settings, task, reference, secrets));
            DispatchOutcome outcome = swap.run(reserveStart(task));
            log.info("Deploy {}: {}", task.id(), outcome);
            return outcome;
        } catch (EngineException e) {
            return new DispatchOutcome.Failed(e.getMessage(), null);
        }
    }

    private static Instant reserveStart(DeployTask task) {
        return task.deadline().minusSeconds(RESERVE_SECONDS);
    }

    private static Duration atLeastSeconds(Duration d, long seconds) {
        return d.compareTo(Duration.ofSeconds(seconds)) < 0 ? Duration.ofSeconds(seconds) : d;
    }
}
