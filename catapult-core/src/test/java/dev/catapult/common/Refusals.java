package dev.catapult.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on refused commands: which fields an {@link InvalidInput} names. */
public final class Refusals {
    private Refusals() {}

    /** Runs {@code call}, asserts it throws {@link InvalidInput} and returns it. */
    public static InvalidInput invalidInput(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected the input to be refused").isInstanceOf(InvalidInput.class);
        return (InvalidInput) thrown;
    }

    /** The fields named by the {@link InvalidInput} that {@code call} throws, in order. */
    public static List<String> fieldsOf(ThrowingCallable call) {
        return invalidInput(call).errors().stream()
                .map(InvalidInput.FieldError::field)
                .toList();
    }

    /** The single field error {@code call} throws. */
    public static InvalidInput.FieldError onlyErrorOf(ThrowingCallable call) {
        List<InvalidInput.FieldError> errors = invalidInput(call).errors();
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }
}
