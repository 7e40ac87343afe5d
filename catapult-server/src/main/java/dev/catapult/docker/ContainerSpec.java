package dev.catapult.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/create}: the fields Catapult sets, named as the Engine API names them
 * (unchanged from API 1.40 on). A command left empty keeps the image's {@code CMD}.
 *
 * @param env {@code KEY=value} entries
 * @param exposedPorts the container side of every published port ({@code 80/tcp}), each mapped to {@code {}}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerSpec(
        @JsonProperty("Image") String image,

        @JsonProperty("Env") @JsonInclude(JsonInclude.Include.ALWAYS)
        List<String> env,

        @JsonProperty("Cmd") List<String> command,
        @JsonProperty("Labels") Map<String, String> labels,

        @JsonProperty("ExposedPorts") @JsonInclude(JsonInclude.Include.ALWAYS)
        Map<String, Map<String, String>> exposedPorts,

        @JsonProperty("HostConfig") HostConfig hostConfig) {

    public ContainerSpec {
        env = List.copyOf(env);
        command = List.copyOf(command);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        exposedPorts = Collections.unmodifiableMap(new LinkedHashMap<>(exposedPorts));
    }

    /**
     * {@code HostConfig}: published ports by container port ({@code 80/tcp}) and the restart policy.
     *
     * @param restartPolicy {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HostConfig(
            @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
            @JsonProperty("RestartPolicy") RestartPolicy restartPolicy) {
        public HostConfig {
            portBindings = Collections.unmodifiableMap(new LinkedHashMap<>(portBindings));
        }
    }

    /** One host side of a published port; an empty IP means every interface. */
    public record PortBinding(
            @JsonProperty("HostIp") String hostIp,
            @JsonProperty("HostPort") String hostPort) {}

    public record RestartPolicy(@JsonProperty("Name") String name) {}
}
