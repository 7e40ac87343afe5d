package dev.catapult.runtime.web;

import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.platform.Unauthenticated;
import dev.catapult.platform.WebhookSignature;
import dev.catapult.runtime.RuntimeEvent;
import dev.catapult.runtime.RuntimeIntake;
import dev.catapult.runtime.RuntimeSourceRecord;
import dev.catapult.runtime.RuntimeSources;
import dev.catapult.runtime.UnreadableEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/runtime/{source}}: runtime events from anything that can sign a request — the generic
 * format (docs/runtime.md) or EventBridge ECS events. Signed like everything Catapult sends:
 * {@code X-Catapult-Signature: sha256=HMAC-SHA256(secret, X-Catapult-Timestamp ‖ body)}, the timestamp
 * within five minutes of the server's clock. The signature is checked in constant time on the raw bytes
 * before anything is parsed or stored; an unknown source answers exactly like a wrong signature. A
 * replayed delivery is recognised by the archive (event id + body hash) and changes nothing. A signed
 * event that cannot be read is kept as a dead letter and answered 400 with the reason.
 */
@RestController
class RuntimeHookController {
    private static final Logger log = LoggerFactory.getLogger(RuntimeHookController.class);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final String REFUSED = "the signature is missing, stale or wrong";

    private final RuntimeSources sources;
    private final RuntimeIntake intake;
    private final Environment environment;
    private final Clock clock;

    RuntimeHookController(RuntimeSources sources, RuntimeIntake intake, Environment environment, Clock clock) {
        this.sources = sources;
        this.intake = intake;
        this.environment = environment;
        this.clock = clock;
    }

    @PostMapping(path = "/hooks/runtime/{source}", consumes = "*/*")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String source,
            @RequestHeader(name = "X-Catapult-Signature", required = false) @Nullable String signature,
            @RequestHeader(name = "X-Catapult-Timestamp", required = false) @Nullable String timestamp,
            @RequestBody(required = false) byte @Nullable [] body) {
        RuntimeSourceRecord s = signedSource(source, signature, timestamp, body == null ? new byte[0] : body);
        String raw = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        RuntimeEvent event;
        try {
            event = intake.read(s, raw);
        } catch (UnreadableEvent e) {
            sources.deadLetter(s, null, raw, e.getMessage());
            throw new InvalidInput("body", e.getMessage());
        }
        RuntimeIntake.Outcome outcome = intake.record(s, raw, event);
        Map<String, Object> answer =
                Map.of("eventId", outcome.eventId(), "result", outcome.result(), "detail", outcome.detail());
        return outcome.result().equals("duplicate")
                ? ResponseEntity.ok(answer)
                : ResponseEntity.accepted().body(answer);
    }

    private RuntimeSourceRecord signedSource(
            String name, @Nullable String signature, @Nullable String timestamp, byte[] body) {
        RuntimeSourceRecord s;
        try {
            s = sources.find(name);
        } catch (NotFound e) {
            throw new Unauthenticated(REFUSED);
        }
        if (!s.type().equals("webhook")
                || s.secretEnv() == null
                || signature == null
                || timestamp == null
                || !fresh(timestamp)) {
            throw new Unauthenticated(REFUSED);
        }
        String secret = environment.getProperty(s.secretEnv());
        if (secret == null || secret.isEmpty()) {
            log.warn(
                    "Runtime source {}: its secret variable {} is not set on this server; refusing its events",
                    name,
                    s.secretEnv());
            throw new Unauthenticated(REFUSED);
        }
        byte[] expected = WebhookSignature.header(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new Unauthenticated(REFUSED);
        }
        return s;
    }

    private boolean fresh(String timestamp) {
        if (!timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        return Math.abs(age) <= SKEW.toSeconds();
    }
}
