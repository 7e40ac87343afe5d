package dev.catapult.deploy.docker;

import dev.catapult.deploy.DeployTask;
import dev.catapult.docker.CatapultLabels;
import dev.catapult.docker.ContainerSpec;
import dev.catapult.targets.DockerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The container a deploy creates: the target's settings plus Catapult's labels. */
final class ContainerBlueprint {
    private ContainerBlueprint() {}

    /**
     * @param image the digest reference to run
     * @param secrets the values of {@code secretEnv}, read from the server's environment
     */
    static ContainerSpec of(DockerSettings settings, DeployTask task, String image, Map<String, String> secrets) {
        List<String> env = new ArrayList<>();
        settings.env().forEach((k, v) -> env.add(k + "=" + v));
        secrets.forEach((k, v) -> env.add(k + "=" + v));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CatapultLabels.APP, task.app());
        labels.put(CatapultLabels.ENVIRONMENT, task.environment());
        labels.put(CatapultLabels.RELEASE, Long.toString(task.version()));
        labels.put(CatapultLabels.DEPLOY, task.id());
        Map<String, Map<String, String>> exposed = new LinkedHashMap<>();
        Map<String, List<ContainerSpec.PortBinding>> bindings = new LinkedHashMap<>();
        for (DockerSettings.PortMapping p : settings.ports()) {
            exposed.put(p.containerKey(), Map.of());
            bindings.computeIfAbsent(p.containerKey(), k -> new ArrayList<>())
                    .add(new ContainerSpec.PortBinding(p.hostIp(), Integer.toString(p.hostPort())));
        }
        // Survives engine and host restarts like a service should; a stop by the deployer keeps it stopped.
        ContainerSpec.RestartPolicy restart = new ContainerSpec.RestartPolicy("unless-stopped");
        return new ContainerSpec(
                image, env, settings.command(), labels, exposed, new ContainerSpec.HostConfig(bindings, restart));
    }
}
