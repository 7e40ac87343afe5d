package dev.catapult.cli;

import dev.catapult.cli.access.PrincipalCommand;
import dev.catapult.cli.access.TokenCommand;
import dev.catapult.cli.app.AppCommand;
import dev.catapult.cli.audit.AuditCommand;
import dev.catapult.cli.concourse.ConcourseCommand;
import dev.catapult.cli.config.LoginCommand;
import dev.catapult.cli.deploy.ApproveCommand;
import dev.catapult.cli.deploy.DeployCommand;
import dev.catapult.cli.deploy.DeploysCommand;
import dev.catapult.cli.deploy.PromoteCommand;
import dev.catapult.cli.deploy.RollbackCommand;
import dev.catapult.cli.env.EnvCommand;
import dev.catapult.cli.output.OutputFormat;
import dev.catapult.cli.release.ReleaseCommand;
import dev.catapult.cli.status.StatusCommand;
import dev.catapult.cli.targets.TargetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code catapult} command tree of SPEC §4 and the options every command accepts. */
@Command(
        name = "catapult",
        mixinStandardHelpOptions = true,
        version = "catapult 0.1.0",
        description = "Release control plane: releases, deploys, rollbacks and promotions.",
        subcommands = {
            LoginCommand.class,
            AppCommand.class,
            EnvCommand.class,
            TargetCommand.class,
            ReleaseCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            PromoteCommand.class,
            DeploysCommand.class,
            ApproveCommand.class,
            StatusCommand.class,
            dev.catapult.cli.watch.WatchCommand.class,
            AuditCommand.class,
            PrincipalCommand.class,
            TokenCommand.class,
            ConcourseCommand.class
        })
public final class CatapultCommand extends CommandGroup {

    private final CliContext context;

    public CatapultCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    // Inherited options are accepted after any subcommand; picocli calls these setters on this root
    // object, which is why they live on the shared context rather than on each command.
    @Option(
            names = "--output",
            scope = ScopeType.INHERIT,
            paramLabel = "table|json",
            converter = OutputFormatConverter.class,
            description = "Output format (default: table on a terminal, json otherwise; env CATAPULT_FORMAT).")
    void output(OutputFormat format) {
        context.requestFormat(format);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    void debug(boolean debug) {
        context.debug(debug);
    }
}
