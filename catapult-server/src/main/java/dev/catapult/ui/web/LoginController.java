package dev.catapult.ui.web;

import dev.catapult.access.AccessControl;
import dev.catapult.access.PasswordSignIn;
import dev.catapult.access.PasswordSignIn.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in with a user's password (+ TOTP code) or with an API token, and signing out. */
@Controller
class LoginController {
    private final AccessControl access;
    private final PasswordSignIn passwords;

    LoginController(AccessControl access, PasswordSignIn passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    @GetMapping("/ui/login")
    String form(@RequestParam(required = false) @Nullable String next, Model model) {
        return page(model, next, "name", "", null);
    }

    @PostMapping("/ui/login/password")
    String signInWithPassword(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) @Nullable String otp,
            @RequestParam(required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String typed = name.length() > 128 ? "" : name.strip();
        if (!UiSession.csrfMatches(request)) {
            return expired(response, model, next);
        }
        return switch (passwords.signIn(name, password, otp)) {
            case Outcome.SignedIn s -> {
                UiSession.signInAsPrincipal(request, s.principalId());
                yield "redirect:" + safeNext(next);
            }
            case Outcome.CodeRequired c -> {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                // The password is never echoed back, so the user types it again, then the code below it.
                yield page(
                        model,
                        next,
                        "password",
                        typed,
                        "This account uses a TOTP code: enter your password again and the current code from your authenticator app.");
            }
            case Outcome.Refused r -> {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                yield page(model, next, "password", typed, r.message());
            }
            case Outcome.Locked l -> {
                response.setStatus(429);
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, l.retryAfter().toSeconds())));
                yield page(model, next, "password", typed, capitalised(l.message()) + ".");
            }
        };
    }

    @PostMapping("/ui/login")
    String signInWithToken(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!UiSession.csrfMatches(request)) {
            return expired(response, model, next);
        }
        String secret = token.strip();
        if (secret.isEmpty()
                || secret.length() > 512
                || access.authenticate(secret).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return page(model, next, "token", "", "That token is unknown, expired or revoked.");
        }
        UiSession.signInWithToken(request, secret);
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/ui/logout")
    String signOut(HttpServletRequest request) {
        UiSession.signOut(request);
        return "redirect:/ui/login";
    }

    /** The login form's session expired (or the post came from elsewhere): show a fresh form. */
    private static String expired(HttpServletResponse response, Model model, @Nullable String next) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return page(model, next, "name", "", "The form expired; please sign in again.");
    }

    /** {@code focus} names the field that gets the keyboard focus: where the user has to act next. */
    private static String page(Model model, @Nullable String next, String focus, String name, @Nullable String error) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("focus", focus);
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        return "ui/login";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Only a path inside the UI, so the login page cannot be used to redirect elsewhere. */
    private static String safeNext(@Nullable String next) {
        return next != null && next.startsWith("/ui") && !next.startsWith("//") && !next.contains("\\") ? next : "/ui";
    }
}
