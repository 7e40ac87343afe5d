package dev.catapult.ui.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * What the UI keeps in the server-side session (the browser only holds the session id, in an HttpOnly
 * SameSite=Strict cookie): the credential — the token's secret for a token sign-in, the principal's id for a
 * password sign-in (never the password) — and the session's CSRF token for forms.
 */
final class UiSession {
    static final String CSRF_PARAMETER = "_csrf";
    private static final String TOKEN = UiSession.class.getName() + ".token";
    private static final String PRINCIPAL = UiSession.class.getName() + ".principal";
    private static final String CSRF = UiSession.class.getName() + ".csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UiSession() {}

    static @Nullable String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(TOKEN);
    }

    static @Nullable String principal(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(PRINCIPAL);
    }

    /** Signs in with a token: a new session id (no fixation), the token, and a fresh CSRF token. */
    static void signInWithToken(HttpServletRequest request, String token) {
        renew(request).setAttribute(TOKEN, token);
    }

    /** Signs in with a password: a new session id, the principal's id, and a fresh CSRF token. */
    static void signInAsPrincipal(HttpServletRequest request, String principalId) {
        renew(request).setAttribute(PRINCIPAL, principalId);
    }

    private static HttpSession renew(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(TOKEN);
        session.removeAttribute(PRINCIPAL);
        session.setAttribute(CSRF, newCsrf());
        return session;
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The session's CSRF token, creating the session (for the login form) when there is none. */
    static String csrf(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String csrf = (String) session.getAttribute(CSRF);
        if (csrf == null) {
            csrf = newCsrf();
            session.setAttribute(CSRF, csrf);
        }
        return csrf;
    }

    static boolean csrfMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF);
        String given = request.getParameter(CSRF_PARAMETER);
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String newCsrf() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
