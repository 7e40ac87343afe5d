package dev.catapult.ui;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The UI's session login and CSRF protection, over plain HTTP (no browser needed). */
class UiSessionTest extends ServerTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void pagesNeedASessionAndTheSessionCookieIsHttpOnlyAndStrict() throws Exception {
        HttpResponse<String> page = get("/ui/audit?actor=admin");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/ui/login?next=%2Fui%2Faudit%3Factor%3Dadmin");

        HttpResponse<String> login = get("/ui/login");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        String csrf = csrf(login.body());

        assertThat(post("/ui/login", "token", ADMIN_TOKEN, "_csrf", "0".repeat(64))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/ui/login", "token", "cat_wrong", "_csrf", csrf).statusCode())
                .isEqualTo(401);
        HttpResponse<String> ok =
                post("/ui/login", "token", ADMIN_TOKEN, "_csrf", csrf, "next", "https://elsewhere.example/");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/ui");
        assertThat(ok.headers().firstValue("Set-Cookie"))
                .as("a new session id after signing in")
                .isPresent();
        assertThat(get("/ui").statusCode()).isEqualTo(200);
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop"));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", digestRef("127.0.0.1:5000/shop", 1)));
        String loginCsrf = csrf(get("/ui/login").body());
        assertThat(post("/ui/login", "token", ADMIN_TOKEN, "_csrf", loginCsrf).statusCode())
                .isEqualTo(302);
        String csrf = csrf(get("/ui/apps/shop").body());
        assertThat(csrf).as("the token is rotated when signing in").isNotEqualTo(loginCsrf);

        assertThat(post("/ui/apps/shop/deploys", "environment", "dev", "version", "1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/ui/apps/shop/deploys", "environment", "dev", "version", "1", "_csrf", loginCsrf)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/apps/shop/deploys").json().get("items")).isEmpty();

        assertThat(post("/ui/apps/shop/deploys", "environment", "dev", "version", "1", "_csrf", csrf)
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/apps/shop/deploys").json().get("items")).hasSize(1);

        // Signing out ends the session: the same cookie no longer opens pages.
        assertThat(post("/ui/logout", "_csrf", csrf).statusCode()).isEqualTo(302);
        assertThat(get("/ui").statusCode()).isEqualTo(302);
    }

    @Test
    void aRevokedTokenEndsItsSessions() throws Exception {
        String token = tokenFor("viewer", "service", "read");
        assertThat(post(
                                "/ui/login",
                                "token",
                                token,
                                "_csrf",
                                csrf(get("/ui/login").body()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/ui").statusCode()).isEqualTo(200);
        String tokenId = api.get("/api/v1/audit?action=token.created")
                .json()
                .get("items")
                .get(0)
                .get("details")
                .get("tokenId")
                .asString();
        assertThat(api.delete("/api/v1/tokens/" + tokenId).status()).isBetween(200, 204);
        assertThat(get("/ui").statusCode()).isEqualTo(302);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String... form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < form.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(form[i])
                    .append('=')
                    .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
