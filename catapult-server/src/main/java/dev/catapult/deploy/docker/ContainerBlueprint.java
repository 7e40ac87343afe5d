package dev.catapult.deploy.docker;

import dev.catapult.deploy.DeployTask;
import dev.catapult.targets.DockerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code POST /containers/create} body for a deploy: the target's settings plus Catapult's labels. */
final class ContainerBlueprint {
    static final String APP = "dev.catapult.app";
    static final String ENVIRONMENT = "dev.catapult.environment";
    static final String RELEASE = "dev.catapult.release";
    static final String DEPLOY = "dev.catapult.deploy";

    private ContainerBlueprint() {}

    /**
     * @param image the digest reference to run
     * @param secrets the values of {@code secretEnv}, read from the server's environment
     */
    static Map<String, Object> of(DockerSettings settings, DeployTask task, String image, Map<String, String> secrets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", image);
        List<String> env = new ArrayList<>();
        settings.env().forEach((k, v) -> env.add(k + "=" + v));
        secrets.forEach((k, v) -> env.add(k + "=" + v));
        body.put("Env", env);
        if (!settings.command().isEmpty()) {
            body.put("Cmd", settings.command());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(APP, task.app());
        labels.put(ENVIRONMENT, task.environment());
        labels.put(RELEASE, Long.toString(task.version()));
        labels.put(DEPLOY, task.id());
        body.put("Labels", labels);
        Map<String, Object> exposed = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> bindings = new LinkedHashMap<>();
        for (DockerSettings.PortMapping p : settings.ports()) {
            exposed.put(p.containerKey(), Map.of());
            Map<String, String> binding = new LinkedHashMap<>();
            binding.put("HostIp", p.hostIp());
            binding.put("HostPort", Integer.toString(p.hostPort()));
            bindings.computeIfAbsent(p.containerKey(), k -> new ArrayList<>()).add(binding);
        }
        body.put("ExposedPorts", exposed);
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        hostConfig.put("PortBindings", bindings);
        // Survives engine and host restarts like a service should; a stop by the deployer keeps it stopped.
        hostConfig.put("RestartPolicy", Map.of("Name", "unless-stopped"));
        body.put("HostConfig", hostConfig);
        return body;
    }
}
