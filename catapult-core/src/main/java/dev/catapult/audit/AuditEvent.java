package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened and is kept in the audit trail (I2): one record per action, named in the past
 * tense, whose components are the event's typed details.
 *
 * <p>{@link #action()}, {@link #subject()} and {@link #details()} are the stored form that the hash chain
 * covers. They must stay exactly what was written before these records existed (same action names, same
 * detail keys in the same order, same JSON values): chains already in databases have to keep verifying and
 * filters by action keep matching old events. Change a record's components freely; never its stored form.
 */
public sealed interface AuditEvent
        permits AppArchived,
                AppCreated,
                AppUpdated,
                ArtifactScanRequested,
                DeployApproved,
                DeployCancelled,
                DeployDispatched,
                DeployFailed,
                DeployReported,
                DeployRequested,
                DeploySucceeded,
                EnvironmentCreated,
                EnvironmentUpdated,
                PrincipalBootstrapped,
                PrincipalCreated,
                RegistryBackfillRequested,
                RegistryConfigured,
                RegistryCreated,
                ReleaseCreated,
                RuntimeSourceCreated,
                RuntimeSourceReplayed,
                SignInLocked,
                TargetSet,
                TokenCreated,
                TokenRevoked,
                TotpEnrolled,
                TotpEnrolmentStarted,
                TotpLocked,
                WatchHeld,
                WatchHoldReleased,
                WatchUpdated {

    /** The stored action name, e.g. {@code deploy.approved}. */
    String action();

    /** What the event is about, e.g. {@code app/shop/env/prod}; audit filters match it and its children. */
    String subject();

    /**
     * The details as stored, in this order: values are JSON-ready (strings, numbers, booleans, lists, maps,
     * null), never secrets.
     */
    Map<String, @Nullable Object> details();
}
