package dev.catapult.deploy;

import org.jspecify.annotations.Nullable;

/** What a deployer's dispatch achieved. */
public sealed interface DispatchOutcome {
    /** The deploy is done and succeeded. */
    record Succeeded(String message, @Nullable String externalRef) implements DispatchOutcome {}

    /** The deploy is done and failed; nothing further will change it. */
    record Failed(String message, @Nullable String externalRef) implements DispatchOutcome {}

    /** Handed over; the outcome arrives later as a status report (or the deploy times out). */
    record AwaitingReport(String message, @Nullable String externalRef) implements DispatchOutcome {}
}
