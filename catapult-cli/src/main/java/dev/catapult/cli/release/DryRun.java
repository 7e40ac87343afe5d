package dev.catapult.cli.release;

import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.cli.output.Fields;
import dev.catapult.cli.output.Output;
import dev.catapult.client.Json;
import tools.jackson.databind.node.ObjectNode;

/** What {@code release --dry-run} prints: the request that would be sent, and what it follows. */
final class DryRun {

    private DryRun() {}

    static void print(Output output, String app, long previousVersion, ReleaseCreateRequest request) {
        if (output.isJson()) {
            ObjectNode plan = Json.mapper().createObjectNode();
            plan.put("dryRun", true);
            plan.put("app", app);
            plan.put("previousVersion", previousVersion);
            plan.set("request", Json.tree(request));
            output.json(plan);
            return;
        }
        output.notice("dry run: nothing was created");
        new Fields()
                .add("app", app)
                .add("version", "v" + (previousVersion + 1) + " (expected)")
                .add("commit", request.commit())
                .add("image", Boolean.TRUE.equals(request.noImage()) ? "(none)" : request.image())
                .add(
                        "commits",
                        request.commits() == null ? 0 : request.commits().size())
                .add("changelog", request.changelog())
                .print(output.stdout());
    }
}
