package dev.catapult.ui.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * What the UI keeps in the server-side session: the signed-in token's secret (the browser only holds the
 * session id, in an HttpOnly SameSite=Strict cookie) and the session's CSRF token for forms.
 */
final class UiSession {
  static final String CSRF_PARAMETER = "_csrf";
  private static final String TOKEN = UiSession.class.getName() + ".token";
  private static final String CSRF = UiSession.class.getName() + ".csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private UiSession() {}

  static @Nullable String token(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(TOKEN);
  }

  /** Signs in: a new session id (no fixation), the token, and a fresh CSRF token. */
  static void signIn(HttpServletRequest request, String token) {
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(TOKEN, token);
    session.setAttribute(CSRF, newCsrf());
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
    return expected != null && given != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String newCsrf() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
