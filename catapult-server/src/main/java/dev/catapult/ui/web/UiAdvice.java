package dev.catapult.ui.web;

import dev.catapult.common.Conflict;
import dev.catapult.common.DomainException;
import dev.catapult.common.Forbidden;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.platform.RateLimited;
import dev.catapult.platform.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * For UI controllers only: every page gets the CSRF token for its forms, and every failure renders an HTML
 * error page with the right status instead of the API's problem+json — a refused command with its reason,
 * malformed form input as a 400 naming the field, an unexpected error as a 500 naming the request id only.
 */
@ControllerAdvice(basePackageClasses = UiAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiAdvice {
    private static final Logger log = LoggerFactory.getLogger(UiAdvice.class);

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return UiSession.csrf(request);
    }

    @ModelAttribute("fmt")
    UiFormat format() {
        return UiFormat.INSTANCE;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model) {
        int status = switch (e) {
            case NotFound n -> 404;
            case Forbidden f -> 403;
            case Conflict c -> 409;
            case InvalidInput i -> 400;
        };
        return error(response, model, status, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, HttpServletResponse response, Model model) {
        return error(response, model, 400, "The form is missing '" + e.getParameterName() + "'.");
    }

    @ExceptionHandler(TypeMismatchException.class)
    String wrongType(TypeMismatchException e, HttpServletResponse response, Model model) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String field = name == null ? "a field" : "'" + name + "'";
        return error(response, model, 400, "The form's " + field + " has the wrong type.");
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    String unbound(ServletRequestBindingException e, HttpServletResponse response, Model model) {
        return error(response, model, 400, "The request is incomplete.");
    }

    @ExceptionHandler(RateLimited.class)
    String rateLimited(RateLimited e, HttpServletResponse response, Model model) {
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return error(response, model, 429, e.getMessage());
    }

    /** Spring's own request errors (unsupported method or media type, …) keep their status. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            return error(
                    response,
                    model,
                    r.getStatusCode().value(),
                    "The request could not be handled (" + r.getStatusCode().value() + ").");
        }
        log.error("Unexpected error in UI request {}", RequestIds.current(), e);
        return error(
                response, model, 500, "Something went wrong on the server; request id " + RequestIds.current() + ".");
    }

    private static String error(HttpServletResponse response, Model model, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute(
                "title",
                switch (status) {
                    case 400 -> "Bad request";
                    case 403 -> "Not allowed";
                    case 404 -> "Not found";
                    case 409 -> "Conflict";
                    case 429 -> "Too many attempts";
                    case 500 -> "Server error";
                    default -> "That did not work";
                });
        model.addAttribute("message", message);
        return "ui/error";
    }
}
