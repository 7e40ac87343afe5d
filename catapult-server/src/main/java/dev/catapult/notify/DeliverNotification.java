package dev.catapult.notify;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code notify} job's payload: deliver one notification to {@code destination}. Everything but the
 * destination is the document sent ({@code id} is the delivery id, the same for every destination of one
 * event; {@code at} an ISO-8601 instant); {@code details} are the event's, as published.
 */
public record DeliverNotification(
        String destination,
        String id,
        String event,
        String subject,
        String at,
        Map<String, @Nullable Object> details) {}
