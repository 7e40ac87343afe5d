package dev.catapult.deploy.deployer;

import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.Deployer;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.platform.CatapultProperties;
import dev.catapult.platform.WebhookSignature;
import dev.catapult.targets.DeployerSpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a signed JSON document describing the deploy to the target's URL, then waits for the receiver to
 * report back through {@code POST /api/v1/deploys/{id}/status}. The signature is
 * {@code X-Catapult-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + body)>} with the Unix time in
 * {@code X-Catapult-Timestamp}; {@code X-Catapult-Delivery} is the deploy id, so a receiver can drop the
 * repeats that retries (ours, or another replica's after a crash) may send. Connection errors and 5xx are
 * retried with back-off; any other answer is final.
 */
@Component
class WebhookDeployer implements Deployer {
    private static final int TRIES = 3;
    private final HttpClient http;
    private final JsonMapper json;
    private final Environment environment;
    private final Clock clock;
    private final Duration requestTimeout;
    private final String publicUrl;

    WebhookDeployer(
            JsonMapper json,
            Environment environment,
            Clock clock,
            CatapultProperties props,
            @Value("${catapult.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.json = json;
        this.environment = environment;
        this.clock = clock;
        this.requestTimeout = props.deploys().webhookRequestTimeout();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.http = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public DispatchOutcome dispatch(DeployTask task) throws InterruptedException {
        DeployerSpec.Webhook spec = (DeployerSpec.Webhook) task.deployer();
        String secret = environment.getProperty(spec.secretEnv());
        if (secret == null || secret.isBlank()) {
            return new DispatchOutcome.Failed(
                    "webhook secret variable " + spec.secretEnv() + " is not set on the server", null);
        }
        byte[] body = json.writeValueAsBytes(document(task));
        String last = "";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(spec.url())
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "catapult-webhook-deployer")
                    .header("X-Catapult-Delivery", task.id())
                    .header("X-Catapult-Timestamp", timestamp)
                    .header("X-Catapult-Signature", WebhookSignature.header(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                String ref =
                        response.headers().firstValue("X-Catapult-External-Ref").orElse(null);
                if (status >= 200 && status < 300) {
                    return new DispatchOutcome.AwaitingReport(
                            "webhook accepted (" + status + "); waiting for its status report", ref);
                }
                if (status < 500 && status != 429) {
                    return new DispatchOutcome.Failed("webhook refused the deploy with HTTP " + status, ref);
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            if (attempt < TRIES && clock.instant().plus(backoff(attempt)).isBefore(task.deadline())) {
                Thread.sleep(backoff(attempt).toMillis());
            } else {
                break;
            }
        }
        return new DispatchOutcome.Failed("webhook unreachable after retries (" + last + ")", null);
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(500L << attempt);
    }

    private Map<String, Object> document(DeployTask task) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("deployId", task.id());
        doc.put("app", task.app());
        doc.put("environment", task.environment());
        doc.put("version", task.version());
        doc.put("commit", task.commit());
        doc.put("image", task.image());
        doc.put("imageTag", task.imageTag());
        doc.put("reason", task.reason().wireName());
        doc.put("rollback", task.rollback());
        doc.put("actor", task.actor());
        doc.put("deadline", task.deadline().toString());
        doc.put("statusUrl", publicUrl + "/api/v1/deploys/" + task.id() + "/status");
        doc.put("sentAt", Instant.now(clock).toString());
        return doc;
    }
}
