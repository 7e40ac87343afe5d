package dev.catapult.runtime.web;

import dev.catapult.api.InstanceView;
import dev.catapult.api.RuntimeDeadLetterView;
import dev.catapult.api.RuntimeRolloutView;
import dev.catapult.api.RuntimeSourceView;
import dev.catapult.api.WhatsRunningVersion;
import dev.catapult.api.WhatsRunningWhereEntry;
import dev.catapult.runtime.Rollout;
import dev.catapult.runtime.RunningWhere;
import dev.catapult.runtime.RuntimeDeadLetter;
import dev.catapult.runtime.RuntimeSourceRecord;
import dev.catapult.runtime.TrackedInstance;
import org.jspecify.annotations.Nullable;

/** Runtime tracking on the wire: the API's controllers and the UI's pages map the module's records here. */
public final class RuntimeViews {
    private RuntimeViews() {}

    public static InstanceView of(TrackedInstance i) {
        return new InstanceView(
                i.source(),
                i.taskArn(),
                i.app(),
                i.environment(),
                i.account(),
                i.service(),
                i.container(),
                i.repository(),
                i.tag(),
                i.digest(),
                i.status(),
                i.desiredStatus(),
                i.stoppedReason(),
                i.version(),
                i.startedAt(),
                i.updatedAt(),
                i.exitCode(),
                i.deployId());
    }

    static WhatsRunningWhereEntry of(RunningWhere w) {
        return new WhatsRunningWhereEntry(
                w.app(),
                w.environment(),
                w.versions().stream()
                        .map(v -> new WhatsRunningVersion(
                                v.digest(),
                                v.tag(),
                                v.version(),
                                v.deployedBy(),
                                v.deployId(),
                                v.since(),
                                v.running(),
                                v.pending()))
                        .toList(),
                w.running(),
                w.pending(),
                w.unstable(),
                w.recentFailures(),
                of(w.rollout()));
    }

    private static @Nullable RuntimeRolloutView of(@Nullable Rollout r) {
        return r == null
                ? null
                : new RuntimeRolloutView(
                        r.deploymentId(), r.service(), r.state().wireName(), r.rollback(), r.reason(), r.updatedAt());
    }

    static RuntimeSourceView of(RuntimeSourceRecord r) {
        return new RuntimeSourceView(
                r.name(),
                r.type(),
                r.queueUrl(),
                r.region(),
                r.endpoint(),
                r.accessKeyEnv(),
                r.secretKeyEnv(),
                r.secretEnv(),
                r.sidecars().names().stream().sorted().toList(),
                r.createdAt());
    }

    static RuntimeDeadLetterView of(RuntimeDeadLetter d) {
        return new RuntimeDeadLetterView(d.id(), d.messageId(), d.reason(), d.body(), d.receivedAt());
    }
}
