package dev.catapult.ui.web;

import dev.catapult.access.AccessControl;
import dev.catapult.access.Actor;
import dev.catapult.access.PasswordSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every UI page except login and the static assets: the session's credential must still authenticate — a
 * token that is not revoked or expired, or a principal that is not disabled — else the session is signed
 * out; and every POST must carry the session's CSRF token. The actor (re-read on every request, so scope
 * changes apply at once) is put where the shared {@code Actor} argument resolver looks for it, so UI
 * controllers take an {@code Actor} parameter like the API's.
 */
class SessionGuard implements HandlerInterceptor {
    private final AccessControl access;
    private final PasswordSignIn passwords;

    SessionGuard(AccessControl access, PasswordSignIn passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Optional<Actor> actor = actor(request);
        if (actor.isEmpty()) {
            UiSession.signOut(request);
            if ("GET".equals(request.getMethod()) && request.getHeader("X-Catapult-Refresh") == null) {
                String next = request.getRequestURI()
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect("/ui/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return false;
        }
        if (!"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())
                && !UiSession.csrfMatches(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return false;
        }
        request.setAttribute(Actor.class.getName(), actor.get());
        return true;
    }

    private Optional<Actor> actor(HttpServletRequest request) {
        String token = UiSession.token(request);
        if (token != null) {
            return access.authenticate(token);
        }
        String principal = UiSession.principal(request);
        return principal == null ? Optional.empty() : passwords.actor(principal);
    }
}
