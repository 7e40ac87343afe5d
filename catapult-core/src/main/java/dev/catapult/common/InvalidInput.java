package dev.catapult.common;

import java.util.List;

/** The command's input is malformed or invalid (HTTP 400); {@code errors} name the fields. */
public final class InvalidInput extends DomainException {
    private final List<FieldError> errors;

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInput(List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : String.join(
                                "; ",
                                errors.stream()
                                        .map(e -> e.field() + ": " + e.message())
                                        .toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field. */
    public record FieldError(String field, String message) {}
}
