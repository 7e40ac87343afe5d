package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Back-off for one registry, shared by all its calls: a 429/503 or {@code RateLimit-Remaining: 0} pauses the
 * whole registry until the time it names ({@code Retry-After} in seconds or as an HTTP date,
 * {@code RateLimit-Reset} in seconds), or for an exponential back-off when it names none. A call waits out a
 * pause by sleeping (interruptibly) once; a pause longer than {@link Policy#maxWait()} fails the call at once
 * with {@code RATE_LIMITED} instead, so a poller is never parked for an hour.
 */
final class Throttle {
    /**
     * @param maxRetries retries of one request answered 429/503
     * @param maxWait the longest one call sleeps for a pause
     * @param firstBackoff the back-off after a 429/503 without {@code Retry-After}, doubled each retry
     * @param quotaPause the pause after {@code RateLimit-Remaining: 0} when no reset time is given
     */
    record Policy(int maxRetries, Duration maxWait, Duration firstBackoff, Duration quotaPause) {
        static Policy defaults() {
            return new Policy(3, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5));
        }
    }

    private final String registry;
    private final Clock clock;
    private final Policy policy;
    private final AtomicReference<Instant> resumeAt = new AtomicReference<>(Instant.MIN);

    Throttle(String registry, Clock clock, Policy policy) {
        this.registry = registry;
        this.clock = clock;
        this.policy = policy;
    }

    int maxRetries() {
        return policy.maxRetries();
    }

    /** Waits out the registry's pause, if any, or fails when it is longer than a call may wait. */
    void awaitTurn(String what) {
        Duration wait = Duration.between(clock.instant(), resumeAt.get());
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(policy.maxWait()) > 0) {
            throw new RegistryException(
                    Kind.RATE_LIMITED,
                    "registry '" + registry + "' asked to pause until " + resumeAt.get() + "; not sending " + what);
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            throw Failures.interrupted(what);
        }
    }

    /** After a 429/503 on retry number {@code retry} (0-based): pause as told, or back off exponentially. */
    void backOff(HttpHeaders headers, int retry) {
        pauseFor(retryAfter(headers, clock.instant())
                .orElse(policy.firstBackoff().multipliedBy(1L << Math.min(retry, 10))));
    }

    /** Reads rate-limit headers on every answer: no requests left means pause until the window resets. */
    void observe(HttpHeaders headers) {
        Optional<Long> remaining = headers.firstValue("RateLimit-Remaining").flatMap(Throttle::leadingNumber);
        if (remaining.isPresent() && remaining.get() <= 0) {
            pauseFor(headers.firstValue("RateLimit-Reset")
                    .flatMap(Throttle::leadingNumber)
                    .map(Duration::ofSeconds)
                    .or(() -> retryAfter(headers, clock.instant()))
                    .orElse(policy.quotaPause()));
        }
    }

    private void pauseFor(Duration pause) {
        Instant until = clock.instant().plus(pause);
        resumeAt.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** {@code Retry-After: 120} or {@code Retry-After: Wed, 21 Oct 2015 07:28:00 GMT}. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> seconds =
                leadingNumber(value.get()).filter(n -> value.get().chars().allMatch(Character::isDigit));
        if (seconds.isPresent()) {
            return seconds.map(Duration::ofSeconds);
        }
        try {
            Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 0}, {@code 0;w=21600} (Docker Hub) → 0. */
    private static Optional<Long> leadingNumber(String value) {
        String v = value.trim();
        int end = 0;
        while (end < v.length() && end < 18 && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Long.parseLong(v.substring(0, end)));
    }
}
