package dev.catapult.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** RFC 9457 problem details as the server sends them ({@code application/problem+json}). */
public record Problem(
        @Nullable String type,
        @Nullable String title,
        int status,
        @Nullable String detail,
        @Nullable List<FieldError> errors) {

    /** One invalid input field. */
    public record FieldError(String field, String message) {}
}
