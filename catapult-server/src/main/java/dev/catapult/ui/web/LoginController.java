package dev.catapult.ui.web;

import dev.catapult.access.AccessControl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in with an API token, and out. */
@Controller
class LoginController {
  private final AccessControl access;

  LoginController(AccessControl access) {
    this.access = access;
  }

  @GetMapping("/ui/login")
  String form(@RequestParam(required = false) @Nullable String next, Model model) {
    model.addAttribute("next", safeNext(next));
    return "ui/login";
  }

  @PostMapping("/ui/login")
  String signIn(@RequestParam(defaultValue = "") String token, @RequestParam(required = false) @Nullable String next,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!UiSession.csrfMatches(request)) {
      // The login form's session expired (or the post came from elsewhere): show a fresh form.
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("error", "The form expired; please sign in again.");
      model.addAttribute("next", safeNext(next));
      return "ui/login";
    }
    String secret = token.strip();
    if (secret.isEmpty() || secret.length() > 512 || access.authenticate(secret).isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      model.addAttribute("error", "That token is unknown, expired or revoked.");
      model.addAttribute("next", safeNext(next));
      return "ui/login";
    }
    UiSession.signIn(request, secret);
    return "redirect:" + safeNext(next);
  }

  @PostMapping("/ui/logout")
  String signOut(HttpServletRequest request) {
    UiSession.signOut(request);
    return "redirect:/ui/login";
  }

  /** Only a path inside the UI, so the login page cannot be used to redirect elsewhere. */
  private static String safeNext(@Nullable String next) {
    return next != null && next.startsWith("/ui") && !next.startsWith("//") && !next.contains("\\") ? next : "/ui";
  }
}
