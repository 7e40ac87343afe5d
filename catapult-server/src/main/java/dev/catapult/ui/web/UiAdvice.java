package dev.catapult.ui.web;

import dev.catapult.common.Conflict;
import dev.catapult.common.DomainException;
import dev.catapult.common.Forbidden;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For UI controllers only: every page gets the CSRF token for its forms, and a refused command renders an
 * error page instead of the API's problem+json.
 */
@ControllerAdvice(basePackageClasses = UiAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiAdvice {

  @ModelAttribute("csrf")
  String csrf(HttpServletRequest request) {
    return UiSession.csrf(request);
  }

  @ExceptionHandler(DomainException.class)
  String refused(DomainException e, HttpServletResponse response, Model model) {
    response.setStatus(switch (e) {
      case NotFound n -> 404;
      case Forbidden f -> 403;
      case Conflict c -> 409;
      case InvalidInput i -> 400;
    });
    model.addAttribute("message", e.getMessage());
    return "ui/error";
  }
}
