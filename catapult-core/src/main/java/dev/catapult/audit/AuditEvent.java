package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened and is kept in the audit trail (I2): one record per action, named in the past
 * tense, whose components are the event's typed details.
 *
 * <p>{@link #storedForm()} is what the hash chain covers. It must stay exactly what was written before these
 * records existed (same action names, same detail keys in the same order, same JSON values): chains already
 * in databases have to keep verifying and filters by action keep matching old events. Change a record's
 * components freely; never its stored form.
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

    /**
     * The stored form, built from this event's components by the event itself: its action, its subject (in
     * one of the families {@code app/…}, {@code app/…/env/…}, {@code principal/…}, {@code registry/…}, …) and
     * its details.
     */
    StoredForm storedForm();

    /** The stored action name, e.g. {@code deploy.approved}. */
    default String action() {
        return storedForm().action();
    }

    /** What the event is about, e.g. {@code app/shop/env/prod}; audit filters match it and its children. */
    default String subject() {
        return storedForm().subject();
    }

    /**
     * The details as stored, in this order: values are JSON-ready (strings, numbers, booleans, lists, maps,
     * null), never secrets.
     */
    default Map<String, @Nullable Object> details() {
        return storedForm().details();
    }
}
