package dev.catapult.notify;

import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
import dev.catapult.job.JobKind;
import dev.catapult.job.JobProgress;
import dev.catapult.platform.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one notification (the {@code notify} job). A webhook gets the event as JSON, signed like
 * deploy webhooks, with {@code X-Catapult-Event} and {@code X-Catapult-Delivery} (stable across retries,
 * so receivers can drop repeats); Slack gets {@code {"text": …}}. A 2xx answer delivers; anything else
 * fails the attempt and the job queue retries with back-off (ten attempts).
 */
@Component
class NotificationDelivery implements JobHandler<DeliverNotification> {
    static final String KIND = "notify";
    static final JobKind<DeliverNotification> JOB = new JobKind<>(KIND, DeliverNotification.class);
    private final NotificationTargets targets;
    private final Environment environment;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    NotificationDelivery(NotificationTargets targets, Environment environment, JsonMapper json, Clock clock) {
        this.targets = targets;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public JobKind<DeliverNotification> kind() {
        return JOB;
    }

    @Override
    public void run(Job<DeliverNotification> job, JobProgress progress) throws IOException, InterruptedException {
        DeliverNotification n = job.payload();
        NotificationTargets.Target target = targets.notifications().stream()
                .filter(t -> t.name().equals(n.destination()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "notification destination '" + n.destination() + "' is no longer configured"));
        String url = target.urlEnv() != null ? environment.getProperty(target.urlEnv()) : target.url();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "notification destination '" + target.name() + "' has no URL (check url / urlEnv)");
        }
        // The document in the order its keys always had (the order PostgreSQL's jsonb gave the stored payload).
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("at", n.at());
        event.put("id", n.id());
        event.put("event", n.event());
        event.put("details", n.details());
        event.put("subject", n.subject());
        byte[] body = target.type().equals("slack")
                ? json.writeValueAsBytes(Map.of("text", SlackText.of(event)))
                : json.writeValueAsBytes(event);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "catapult-notifications")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.type().equals("webhook")) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            request.header("X-Catapult-Event", n.event())
                    .header("X-Catapult-Delivery", n.id())
                    .header("X-Catapult-Timestamp", timestamp);
            String secret = secret(target);
            if (secret != null) {
                request.header("X-Catapult-Signature", WebhookSignature.header(secret, timestamp, body));
            }
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("'" + target.name() + "' answered HTTP " + response.statusCode());
        }
    }

    private @Nullable String secret(NotificationTargets.Target target) {
        return target.secretEnv() == null ? null : environment.getProperty(target.secretEnv());
    }
}
