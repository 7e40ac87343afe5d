package dev.catapult.platform;

import dev.catapult.common.Conflict;
import dev.catapult.common.DomainException;
import dev.catapult.common.Forbidden;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into RFC 9457 problem+json: domain refusals to 400/403/404/409, unreadable bodies to
 * 400 with the offending field, oversized bodies to 413. Unexpected errors become a 500 that names the
 * request id and nothing else; the stack trace goes to the log only.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        return switch (e) {
            case InvalidInput i ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid input",
                        i.getMessage(),
                        i.errors().stream()
                                .map(f -> Map.of("field", f.field(), "message", f.message()))
                                .toList());
            case NotFound n -> problem(HttpStatus.NOT_FOUND, "Not found", n.getMessage(), null);
            case Conflict c -> problem(HttpStatus.CONFLICT, "Conflict", c.getMessage(), null);
            case Forbidden f -> problem(HttpStatus.FORBIDDEN, "Forbidden", f.getMessage(), null);
        };
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<Object> unauthenticated(Unauthenticated e) {
        ResponseEntity<Object> r = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage(), null);
        return ResponseEntity.status(401)
                .headers(r.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"catapult\"")
                .body(r.getBody());
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<Object> rateLimited(RateLimited e) {
        ResponseEntity<Object> r = problem(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", e.getMessage(), null);
        return ResponseEntity.status(429)
                .headers(r.getHeaders())
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(r.getBody());
    }

    @ExceptionHandler(UpstreamUnavailable.class)
    ResponseEntity<Object> upstream(UpstreamUnavailable e) {
        ResponseEntity<Object> r =
                problem(HttpStatus.SERVICE_UNAVAILABLE, "Upstream Unavailable", e.getMessage(), null);
        return ResponseEntity.status(503)
                .headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(r.getBody());
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<Object> tooLarge(PayloadTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload Too Large", e.getMessage(), null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "a concurrent request changed the same thing; retry", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                e.getName() + " has the wrong type",
                List.of(Map.of("field", e.getName(), "message", "has the wrong type")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error in request {}", RequestIds.current(), e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal Server Error",
                "unexpected error; request id " + RequestIds.current(),
                null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge p) {
                return tooLarge(p);
            }
        }
        return switch (cause) {
            case UnrecognizedPropertyException u -> fieldProblem(path(u), "is not a known field");
            case InvalidFormatException f -> fieldProblem(path(f), "has the wrong type or format");
            case MismatchedInputException m ->
                fieldProblem(path(m), m.getPath().isEmpty() ? "the body must be a JSON object" : "has the wrong type");
            case StreamReadException r ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "Malformed JSON",
                        "the body is not valid JSON: " + firstLine(r.getOriginalMessage()),
                        null);
            case JacksonException j ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "Malformed JSON",
                        "the body could not be read: " + firstLine(j.getOriginalMessage()),
                        null);
            case null, default -> problem(HttpStatus.BAD_REQUEST, "Malformed request", "a JSON body is required", null);
        };
    }

    private ResponseEntity<Object> fieldProblem(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                name + ": " + message,
                List.of(Map.of("field", name, "message", message)));
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The parser's first line, cut short: it may quote the body, which must not be echoed at length. */
    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getType() == null) {
            pd.setType(URI.create("about:blank"));
        }
        return ResponseEntity.status(statusCode)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static ResponseEntity<Object> problem(
            HttpStatus status, String title, @Nullable String detail, @Nullable List<Map<String, String>> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("about:blank"));
        pd.setTitle(title);
        if (errors != null) {
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
