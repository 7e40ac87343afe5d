package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange bounded in time as a whole. {@code HttpRequest.timeout} only bounds the wait for the
 * response headers; waiting on the future bounds the body too (for handlers that read it), and cancelling the
 * future aborts the exchange.
 */
final class TimedSend {
    private TimedSend() {}

    static <T> HttpResponse<T> send(
            HttpClient http, HttpRequest request, BodyHandler<T> handler, Duration timeout, String what) {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(request, handler);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(what, timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw Failures.interrupted(what);
        } catch (ExecutionException e) {
            throw failed(Objects.requireNonNullElse(e.getCause(), e), what, timeout);
        }
    }

    private static RegistryException failed(Throwable cause, String what, Duration timeout) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof RegistryException re) {
                return re;
            }
            if (c instanceof LimitedBody.TooLarge tooLarge) {
                return new RegistryException(Kind.INVALID, what + ": " + tooLarge.getMessage());
            }
            if (c instanceof HttpTimeoutException) {
                return timedOut(what, timeout);
            }
            if (c instanceof ConnectException) {
                return new RegistryException(Kind.UNAVAILABLE, what + ": could not connect", cause);
            }
        }
        return new RegistryException(
                Kind.UNAVAILABLE, what + " failed: " + cause.getClass().getSimpleName(), cause);
    }

    private static RegistryException timedOut(String what, Duration timeout) {
        return new RegistryException(Kind.UNAVAILABLE, what + " timed out after " + timeout.toMillis() + " ms");
    }
}
