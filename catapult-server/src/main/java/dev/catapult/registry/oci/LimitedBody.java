package dev.catapult.registry.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body read whole into memory, but only up to a cap: manifests, tag lists and error bodies are small, and a
 * registry that streams gigabytes at us instead fails the call rather than the JVM.
 */
final class LimitedBody implements BodySubscriber<byte[]> {
    /** Failure of a body past its cap; {@link TimedSend} turns it into a {@code RegistryException}. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

    private LimitedBody(long cap) {
        this.cap = cap;
    }

    static BodyHandler<byte[]> capped(long cap) {
        return info -> {
            LimitedBody body = new LimitedBody(cap);
            if (info.headers().firstValueAsLong("Content-Length").orElse(0) > cap) {
                body.result.completeExceptionally(new TooLarge(cap));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (bytes.size() + (long) item.remaining() > cap) {
                result.completeExceptionally(new TooLarge(cap));
                if (subscription != null) {
                    subscription.cancel();
                }
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
