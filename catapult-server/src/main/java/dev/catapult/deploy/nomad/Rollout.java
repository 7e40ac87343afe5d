package dev.catapult.deploy.nomad;

import static dev.catapult.deploy.nomad.JobImage.text;

import dev.catapult.deploy.DispatchOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows what a registration set off: the evaluation until the scheduler is done with it, then the deployment
 * it created until Nomad calls it successful, failed or cancelled. A job without a deployment (batch, system, or
 * no {@code update} block) is done when its evaluation completes with every allocation placed.
 */
final class Rollout {
    private final NomadApi api;
    private final Budget budget;
    private final Tracker tracker;

    Rollout(NomadApi api, Budget budget, Tracker tracker) {
        this.api = api;
        this.budget = budget;
        this.tracker = tracker;
    }

    DispatchOutcome follow(String evalId) throws NomadFailure, InterruptedException {
        JsonNode eval = await("evaluation", evalId, Map.of("complete", true, "failed", false, "canceled", false));
        String deploymentId = text(eval, "DeploymentID");
        if (!deploymentId.isEmpty()) {
            JsonNode deployment =
                    await("deployment", deploymentId, Map.of("successful", true, "failed", false, "cancelled", false));
            return new DispatchOutcome.Succeeded(
                    tracker.redact("Nomad deployment " + deploymentId + " successful"
                            + describe(text(deployment, "StatusDescription"))),
                    tracker.ref());
        }
        List<String> unplaced = new ArrayList<>();
        eval.path("FailedTGAllocs").propertyNames().forEach(unplaced::add);
        if (!unplaced.isEmpty()) {
            throw new NomadFailure(
                    "evaluation " + evalId + " complete, but Nomad could not place allocations for group(s) "
                            + String.join(", ", unplaced) + blocked(eval));
        }
        return new DispatchOutcome.Succeeded(
                "evaluation " + evalId + " complete; the job has no deployment to follow", tracker.ref());
    }

    /**
     * Reads {@code /v1/<kind>/<id>} until its Status is one of {@code ends}: returns it when that status is a
     * success, throws the StatusDescription when not. Any other status (pending, blocked, running, paused…) is
     * waited out until the budget ends.
     */
    private JsonNode await(String kind, String id, Map<String, Boolean> ends)
            throws NomadFailure, InterruptedException {
        tracker.report("following " + kind + " " + id, kind + "/" + id);
        tracker.doing("waiting for " + kind + " " + id);
        Poll poll = new Poll(budget);
        String last = "";
        while (true) {
            NomadApi.Answer answer =
                    api.watch("/v1/" + kind + "/" + NomadApi.segment(id), poll.index(), poll.nextWait());
            if (answer.status() == 404) {
                throw new NomadFailure(kind + " " + id + " not found in Nomad");
            }
            if (!answer.ok()) {
                throw new NomadFailure("Nomad refused to show " + kind + " " + id + " (" + answer.problem() + ")");
            }
            JsonNode node = api.parse(answer);
            String status = text(node, "Status");
            String seen = status + describe(text(node, "StatusDescription"));
            boolean changed = !seen.equals(last);
            if (changed) {
                tracker.report(kind + " " + id + " " + seen, null);
                tracker.doing("waiting for " + kind + " " + id + " (last status " + seen + ")");
                last = seen;
            }
            Boolean success = ends.get(status);
            if (success != null) {
                if (success) {
                    return node;
                }
                throw new NomadFailure(
                        "Nomad " + kind + " " + id + " " + status + describe(text(node, "StatusDescription")));
            }
            poll.answered(answer.index(), changed);
        }
    }

    private static String describe(String description) {
        return description.isBlank() ? "" : ": " + description;
    }

    private static String blocked(JsonNode eval) {
        String blocked = text(eval, "BlockedEval");
        return blocked.isEmpty() ? "" : " (blocked evaluation " + blocked + " waits for capacity)";
    }
}
