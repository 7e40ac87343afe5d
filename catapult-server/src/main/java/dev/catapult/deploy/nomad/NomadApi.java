package dev.catapult.deploy.nomad;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls of the Nomad HTTP API the deployer makes, each carrying the ACL token ({@code X-Nomad-Token})
 * and the namespace ({@code ?namespace=}). Connection errors, 429 and 5xx are retried with back-off while the
 * budget lasts, except that {@value #MAX_SERVER_ERRORS} 5xx answers in a row end it: Nomad also answers 500 for
 * errors that will not go away (an invalid job), and its docs say 5xx should not be expected to succeed on a
 * retry, while a leader election is over in seconds. Every other answer goes back to the caller.
 */
final class NomadApi {
    private static final Logger log = LoggerFactory.getLogger(NomadApi.class);
    static final int MAX_SERVER_ERRORS = 5;
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The start of every answer to a register whose {@code JobModifyIndex} is no longer the job's (HTTP 500). */
    static final String ENFORCE_INDEX_CONFLICT = "Enforcing job modify index";

    /** An answer: status, body text and the {@code X-Nomad-Index} of blocking endpoints (0 when absent). */
    record Answer(int status, String body, long index) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Nomad answers errors as plain text (often a multi-line error list): on one line, cut to a readable length. */
        String problem() {
            String line = body.strip().replaceAll("\\s+", " ");
            String text = line.length() > 300 ? line.substring(0, 300) + "…" : line;
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
        }
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final URI address;
    private final @Nullable String namespace;
    private final @Nullable String token;
    private final Budget budget;

    NomadApi(
            HttpClient http,
            JsonMapper json,
            URI address,
            @Nullable String namespace,
            @Nullable String token,
            Budget budget) {
        this.http = http;
        this.json = json;
        this.address = address;
        this.namespace = namespace;
        this.token = token;
        this.budget = budget;
    }

    /** {@code GET path}, answered at once. */
    Answer read(String path) throws NomadFailure, InterruptedException {
        return send(uri(path, 0, Duration.ZERO), null, REQUEST_TIMEOUT);
    }

    /**
     * {@code GET path} as a blocking query: with {@code index > 0} Nomad holds the answer until the object
     * changes past that index or {@code wait} passes (plus up to wait/16 of jitter).
     */
    Answer watch(String path, long index, Duration wait) throws NomadFailure, InterruptedException {
        Duration timeout = index > 0 ? wait.plus(wait.dividedBy(16)).plus(REQUEST_TIMEOUT) : REQUEST_TIMEOUT;
        return send(uri(path, index, wait), null, timeout);
    }

    /** {@code POST path} with a JSON body. */
    Answer write(String path, JsonNode body) throws NomadFailure, InterruptedException {
        return send(uri(path, 0, Duration.ZERO), json.writeValueAsBytes(body), REQUEST_TIMEOUT);
    }

    JsonNode parse(Answer answer) throws NomadFailure {
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new NomadFailure("Nomad answered something that is not JSON (HTTP " + answer.status() + ")");
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer send(URI uri, byte @Nullable [] body, Duration timeout) throws NomadFailure, InterruptedException {
        Duration pause = FIRST_RETRY;
        int serverErrors = 0;
        @Nullable String last = null;
        while (true) {
            if (budget.expired()) {
                throw new NomadFailure.TimedOut(last);
            }
            try {
                HttpResponse<String> response = http.send(
                        request(uri, body, min(timeout, budget.remaining())),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Answer answer = new Answer(response.statusCode(), response.body(), index(response));
                boolean transientFailure = answer.status() == 429 || answer.status() >= 500;
                if (!transientFailure || answer.body().startsWith(ENFORCE_INDEX_CONFLICT)) {
                    return answer;
                }
                last = answer.problem();
                if (answer.status() >= 500 && ++serverErrors >= MAX_SERVER_ERRORS) {
                    throw new NomadFailure("Nomad kept failing (" + last + ")");
                }
            } catch (HttpTimeoutException e) {
                // Cut short by the deploy's own deadline (a blocking query waits up to the time left): that is our
                // time-out, not Nomad failing to answer, and the caller reports the last status Nomad gave.
                if (budget.expired()) {
                    throw new NomadFailure.TimedOut(last);
                }
                last = "no answer from Nomad in time";
            } catch (IOException e) {
                last = "Nomad unreachable (" + e.getClass().getSimpleName() + ")";
            }
            log.warn(
                    "Nomad call {} {} failed ({}); retrying in {}",
                    body == null ? "GET" : "POST",
                    uri.getPath(),
                    last,
                    pause);
            budget.sleep(pause);
            pause = min(pause.multipliedBy(2), MAX_RETRY);
        }
    }

    private HttpRequest request(URI uri, byte @Nullable [] body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout.isPositive() ? timeout : Duration.ofMillis(1))
                .header("Accept", "application/json")
                .header("User-Agent", "catapult-nomad-deployer");
        if (token != null) {
            b.header("X-Nomad-Token", token);
        }
        if (body == null) {
            return b.GET().build();
        }
        return b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private URI uri(String path, long index, Duration wait) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (namespace != null) {
            query.add("namespace=" + segment(namespace));
        }
        if (index > 0) {
            query.add("index=" + Long.toUnsignedString(index));
            query.add("wait=" + Math.max(1, wait.toMillis()) + "ms");
        }
        return URI.create(address + path + query);
    }

    private static long index(HttpResponse<?> response) {
        try {
            return response.headers()
                    .firstValue("X-Nomad-Index")
                    .map(Long::parseUnsignedLong)
                    .orElse(0L);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
