package dev.catapult.cli;

import picocli.CommandLine.Parameters;

/** A command about one app in one environment ({@code deploy}, {@code rollback}, {@code watch}…): {@code APP ENV}. */
public abstract class AppEnvironmentCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    protected String app;

    @Parameters(index = "1", paramLabel = "ENV")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    protected String environment;
}
