package dev.catapult.notify;

import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
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
class NotificationDelivery implements JobHandler {
    static final String KIND = "notify";
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
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobProgress progress) throws IOException, InterruptedException {
        NotificationTargets.Target target = targets.notifications().stream()
                .filter(t -> t.name().equals(job.string("destination")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "notification destination '" + job.string("destination") + "' is no longer configured"));
        String url = target.urlEnv() != null ? environment.getProperty(target.urlEnv()) : target.url();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "notification destination '" + target.name() + "' has no URL (check url / urlEnv)");
        }
        Map<String, Object> event = new LinkedHashMap<>(job.payload());
        event.remove("destination");
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
            request.header("X-Catapult-Event", job.string("event"))
                    .header("X-Catapult-Delivery", job.string("id"))
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
