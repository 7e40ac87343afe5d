package dev.catapult.access;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotpEnrolmentTest extends ServerTest {

    @Test
    void aUserEnrolsWithACodeFromTheSecretAndOnlyThemself() {
        String id = api.post(
                        "/api/v1/principals", map("name", "alice", "kind", "user", "password", "correct horse battery"))
                .json()
                .get("id")
                .asString();
        String alice = api.post(
                        "/api/v1/principals/" + id + "/tokens", map("name", "laptop", "scopes", List.of("read")))
                .json()
                .get("secret")
                .asString();
        assertThat(api.post("/api/v1/principals/" + id + "/totp", map()).status())
                .isEqualTo(403);
        Api.Response started = api.as(alice).post("/api/v1/principals/" + id + "/totp", map());
        assertThat(started.status()).isEqualTo(200);
        String secret = started.json().get("secret").asString();
        assertThat(started.json().get("otpauthUri").asString())
                .startsWith("otpauth://totp/Catapult:alice?secret=" + secret);
        assertThat(api.as(alice)
                        .post("/api/v1/principals/" + id + "/totp", map("code", "000000"))
                        .status())
                .isEqualTo(400);
        Api.Response confirmed = api.as(alice)
                .post("/api/v1/principals/" + id + "/totp", map("code", TotpCodes.at(secret, Instant.now())));
        assertThat(confirmed.json().get("enrolled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/principals").json().findValues("totpEnrolled").stream()
                        .anyMatch(n -> n.asBoolean()))
                .isTrue();
    }

    @Test
    void passwordsAreValidatedAndServiceAccountsHaveNone() {
        assertThat(api.post("/api/v1/principals", map("name", "bob", "kind", "user", "password", "short"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/principals",
                                map("name", "svc", "kind", "service", "password", "a-long-enough-password"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/principals", map("name", "x", "kind", "robot"))
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from principals where password_hash like '$2%'")
                        .query(Long.class)
                        .single())
                .isZero();
        api.post("/api/v1/principals", map("name", "carol", "kind", "user", "password", "a-long-enough-password"));
        assertThat(jdbc.sql("select password_hash from principals where name = 'carol'")
                        .query(String.class)
                        .single())
                .startsWith("$2");
    }
}
