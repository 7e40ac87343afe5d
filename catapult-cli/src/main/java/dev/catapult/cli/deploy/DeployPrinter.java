package dev.catapult.cli.deploy;

import dev.catapult.api.DeployView;
import dev.catapult.cli.output.Fields;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.Table;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How deploys look in both output formats. */
final class DeployPrinter {

    private DeployPrinter() {}

    static void show(Output output, JsonNode node) {
        output.show(
                node,
                DeployView.class,
                deploy -> new Fields()
                        .add("id", deploy.id())
                        .add("app", deploy.app())
                        .add("environment", deploy.environment())
                        .add("version", "v" + deploy.version())
                        .add("previous", deploy.previousVersion() == null ? null : "v" + deploy.previousVersion())
                        .add("status", deploy.status())
                        .add("reason", deploy.reason())
                        .add("rollback", deploy.rollback() ? "yes" : null)
                        .add("actor", deploy.actor())
                        .add("deployer", deploy.deployer())
                        .add("external ref", deploy.externalRef())
                        .add("approvals", deploy.requiredApprovals() == 0 ? null : approvals(deploy))
                        .add("message", deploy.message())
                        .add("created", deploy.createdAt())
                        .add("finished", deploy.finishedAt()));
    }

    static void list(Output output, List<JsonNode> nodes) {
        output.list(
                nodes,
                DeployView.class,
                new Table("ID", "ENV", "VERSION", "STATUS", "REASON", "ACTOR", "CREATED"),
                (table, deploy) -> table.row(
                        deploy.id(),
                        deploy.environment(),
                        "v" + deploy.version(),
                        deploy.status(),
                        deploy.reason()
                                + (deploy.rollback() && !"rollback".equals(deploy.reason()) ? " (rollback)" : ""),
                        deploy.actor(),
                        deploy.createdAt()));
    }

    private static String approvals(DeployView deploy) {
        int count = deploy.approvals() == null ? 0 : deploy.approvals().size();
        return count + "/" + deploy.requiredApprovals();
    }
}
