package dev.catapult.cli.audit;

import dev.catapult.api.AuditEventView;
import dev.catapult.api.AuditVerifyView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.Table;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code catapult audit [--subject S] [--actor A]} and {@code audit verify}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Show the audit log, or verify its hash chain.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand extends ApiCommand {

    @Option(names = "--subject", paramLabel = "S", description = "Only events about this subject (e.g. app/shop).")
    @Nullable
    String subject;

    @Option(names = "--actor", paramLabel = "A", description = "Only events by this principal.")
    @Nullable
    String actor;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only events of this action.")
    @Nullable
    String action;

    @Option(names = "--last", paramLabel = "N", defaultValue = "50", description = "How many events (default 50).")
    int last;

    @Override
    public Integer call() {
        ApiPath path = ApiPath.of("audit")
                .query("subject", subject)
                .query("actor", actor)
                .query("action", action);
        List<JsonNode> events = first(path, last);
        output().list(
                        events,
                        AuditEventView.class,
                        new Table("SEQ", "AT", "ACTOR", "ACTION", "SUBJECT", "DETAILS"),
                        (table, event) -> table.row(
                                event.seq(),
                                event.at(),
                                event.actor(),
                                event.action(),
                                event.subject(),
                                event.details() == null || event.details().isEmpty()
                                        ? null
                                        : Json.write(event.details())));
        return ExitCodes.OK;
    }

    /** {@code catapult audit verify}: exit 1 when the chain was tampered with. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Verify the audit hash chain (exit 1 if broken).")
    static final class Verify extends ApiCommand {
        @Override
        public Integer call() {
            JsonNode node = api().get(ApiPath.of("audit", "verify"));
            AuditVerifyView result = Json.convert(node, AuditVerifyView.class);
            Output output = output();
            if (output.isJson()) {
                output.json(node);
            } else if (result.ok()) {
                output.line("audit chain ok: " + result.checked() + " events checked");
            }
            if (!result.ok()) {
                throw new CliException(
                        ExitCodes.FAILED,
                        "audit chain broken" + (result.firstBadSeq() == null ? "" : " at seq " + result.firstBadSeq())
                                + (result.reason() == null ? "" : ": " + result.reason()) + " (" + result.checked()
                                + " events checked)");
            }
            return ExitCodes.OK;
        }
    }
}
