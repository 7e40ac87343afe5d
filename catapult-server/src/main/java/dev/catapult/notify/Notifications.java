package dev.catapult.notify;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.catapult.job.JobQueue;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes events (release created, deploy started/succeeded/failed, hold placed/released) to the
 * configured destinations. Publishing joins the caller's transaction and only writes outbox jobs, so a
 * notification exists exactly when its event committed, and delivery (with retries) happens after.
 */
@Service
public class Notifications {
    /** Event names. */
    public static final String RELEASE_CREATED = "release.created";

    public static final String DEPLOY_STARTED = "deploy.started";
    public static final String DEPLOY_SUCCEEDED = "deploy.succeeded";
    public static final String DEPLOY_FAILED = "deploy.failed";
    public static final String HOLD_PLACED = "hold.placed";
    public static final String HOLD_RELEASED = "hold.released";

    private final NotificationTargets targets;
    private final JobQueue jobs;
    private final Clock clock;

    Notifications(NotificationTargets targets, JobQueue jobs, Clock clock) {
        this.targets = targets;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String event, String subject, Map<String, Object> details) {
        String id = "n_" + UlidCreator.getMonotonicUlid().toLowerCase();
        for (NotificationTargets.Target target : targets.notifications()) {
            if (target.wants(event)) {
                DeliverNotification payload = new DeliverNotification(
                        target.name(), id, event, subject, clock.instant().toString(), details);
                jobs.enqueue(NotificationDelivery.JOB, null, payload, 10);
            }
        }
    }
}
