package dev.catapult.deploy.nomad;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points one task of a Nomad job (as {@code GET /v1/job/:job_id} returns it) at an image, changing nothing
 * else: the task's {@code Config.image}, the setting the docker and podman drivers (and other image-based
 * drivers) read. The group may be left out when only one group has a task of that name.
 */
final class JobImage {
    private JobImage() {}

    /** The task found, with the image it had. */
    record Change(String group, String task, String previousImage) {}

    static Change set(JsonNode job, @Nullable String group, String task, String image) throws NomadFailure {
        String jobId = text(job, "ID");
        List<String> groups = new ArrayList<>();
        List<String> groupsWithTask = new ArrayList<>();
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode g : job.path("TaskGroups")) {
            String name = text(g, "Name");
            groups.add(name);
            if (group != null && !group.equals(name)) {
                continue;
            }
            for (JsonNode t : g.path("Tasks")) {
                if (task.equals(text(t, "Name"))) {
                    groupsWithTask.add(name);
                    found.add(t);
                }
            }
        }
        if (group != null && !groups.contains(group)) {
            throw new NomadFailure(
                    "job " + jobId + " has no group '" + group + "' (groups: " + String.join(", ", groups) + ")");
        }
        if (found.isEmpty()) {
            throw new NomadFailure((group == null ? "job " + jobId : "group " + group + " of job " + jobId)
                    + " has no task '" + task + "'");
        }
        if (found.size() > 1) {
            throw new NomadFailure("task '" + task + "' is in several groups of job " + jobId + " ("
                    + String.join(", ", groupsWithTask) + "); set 'group' to choose one");
        }
        JsonNode t = found.getFirst();
        JsonNode config = t.path("Config");
        if (!(config instanceof ObjectNode settable) || !config.path("image").isString()) {
            throw new NomadFailure("task '" + task + "' (driver " + text(t, "Driver") + ") has no Config.image to set");
        }
        String previous = config.path("image").stringValue();
        settable.put("image", image);
        return new Change(groupsWithTask.getFirst(), task, previous);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() ? v.stringValue() : "";
    }
}
