package dev.catapult.cli.http;

import dev.catapult.api.Problem;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The server answered with an error status; the message is built from its problem+json body. */
public final class ApiException extends CliException {

    private final int status;
    private final Problem problem;

    public ApiException(int status, Problem problem) {
        super(ExitCodes.forHttpStatus(status), detailOf(status, problem) + " (" + status + ")");
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem's own words without the status suffix, for commands that add advice to it. */
    public String detail() {
        return detailOf(status, problem);
    }

    // Field errors the detail does not already state are appended, so one line says everything the
    // server found wrong, and nothing twice.
    private static String detailOf(int status, Problem problem) {
        String text = firstNonBlank(problem.detail(), problem.title(), "HTTP " + status);
        if (problem.errors() != null) {
            String missing = problem.errors().stream()
                    .filter(e -> !text.contains(e.message()))
                    .map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; "));
            if (!missing.isEmpty()) {
                return text + ": " + missing;
            }
        }
        return text;
    }

    private static String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
