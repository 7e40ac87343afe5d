package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Bad input against a real server: the CLI turns each failure into one readable line on stderr (never a
 * stack trace) and the exit code of SPEC §4 — 1 failed, 2 usage, 3 auth, 4 not found, 5 conflict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliErrorsTest {
    private ServerProcess server;
    private CliSession admin;

    @BeforeAll
    void startServer() {
        server = Servers.start(TestDatabase.fresh(), Map.of());
        admin = CliSession.against(server.url(), Servers.ADMIN_TOKEN);
        admin.ok("env", "create", "dev", "--rank", "10");
        admin.ok("app", "create", "errors-existing", "--image", "registry.example.test/shop/errors-existing");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUnknownAppExits4WithOneLineNamingIt() {
        CliSession.Result result = admin.run("app", "show", "no-such-app");

        assertOneLineError(result, 4);
        assertThat(result.stderr()).contains("no-such-app").contains("(404)");
    }

    @Test
    void showingAReleaseOfAnUnknownAppExits4() {
        assertOneLineError(admin.run("release", "show", "no-such-app", "1"), 4);
    }

    @Test
    void showingAReleaseThatDoesNotExistExits4() {
        CliSession.Result result = admin.run("release", "show", "errors-existing", "7");

        assertOneLineError(result, 4);
        assertThat(result.stderr()).contains("7");
    }

    @Test
    void deployingAnAppWithoutReleasesExits4() {
        CliSession.Result result = admin.run("deploy", "errors-existing", "dev");

        assertOneLineError(result, 4);
        assertThat(result.stderr()).contains("no releases");
    }

    @Test
    void approvingAnUnknownDeployExits4() {
        assertOneLineError(admin.run("approve", "d_01jzzzzzzzzzzzzzzzzzzzzzzz"), 4);
    }

    @Test
    void anInvalidAppNameExits2WithTheServersFieldError() {
        CliSession.Result result = admin.run("app", "create", "Bad_Name", "--image", "registry.example.test/shop/bad");

        assertOneLineError(result, 2);
        assertThat(result.stderr()).contains("name").contains("(400)");
        assertThat(admin.run("app", "show", "Bad_Name").exitCode()).isNotZero();
    }

    // BUG (cosmetic): the server's problem detail already states the field error ("name: app names match …
    // (got 'Bad_Name')") and ApiException appends problem.errors again, so the one line says it twice:
    // "error: name: app names match ^[a-z0-9][a-z0-9-]{0,62}$ (got 'Bad_Name'): name app names match
    // ^[a-z0-9][a-z0-9-]{0,62}$ (got 'Bad_Name') (400)". Enable when fixed.
    @Test
    void aFieldErrorIsStatedOnceInTheLine() {
        CliSession.Result result = admin.run("app", "create", "Bad_Name", "--image", "registry.example.test/shop/bad");

        assertOneLineError(result, 2);
        assertThat(result.stderr().split("Bad_Name", -1)).as(result.stderr()).hasSize(2);
    }

    @Test
    void anInvalidEnvironmentNameExits2() {
        assertOneLineError(admin.run("env", "create", "Not Valid", "--rank", "40"), 2);
    }

    @Test
    void anUnknownOptionExits2WithAPointerToHelp() {
        CliSession.Result result = admin.run("app", "list", "--bogus");

        assertOneLineError(result, 2);
        assertThat(result.stderr()).contains("--bogus").contains("--help");
    }

    @Test
    void aVersionThatIsNotANumberExits2() {
        CliSession.Result result = admin.run("deploy", "errors-existing", "dev", "--version", "latest-ish");

        assertOneLineError(result, 2);
        assertThat(result.stderr()).contains("latest-ish");
    }

    @Test
    void anInvalidServerUrlExits2() {
        CliSession.Result result =
                admin.withEnv("CATAPULT_SERVER", "ftp://example.test").run("app", "list");

        assertOneLineError(result, 2);
        assertThat(result.stderr()).contains("ftp://example.test");
    }

    @Test
    void noTokenAtAllExits3AndSaysHowToLogIn() {
        CliSession.Result result = CliSession.unconfigured()
                .withEnv("CATAPULT_SERVER", server.url())
                .run("app", "list");

        assertOneLineError(result, 3);
        assertThat(result.stderr()).contains("catapult login");
    }

    @Test
    void aWrongTokenExits3() {
        CliSession.Result result =
                admin.as("cat_this-token-does-not-exist-0000000000").run("app", "list");

        assertOneLineError(result, 3);
        assertThat(result.stderr()).contains("(401)");
    }

    @Test
    void aTokenWithoutTheNeededScopeExits3() {
        JsonNode principal = admin.json("principal", "create", "errors-reader", "--kind", "service");
        String secret = admin.json(
                        "token", "create", principal.path("id").asString(), "--name", "ro", "--scope", "read")
                .path("secret")
                .asString();
        CliSession reader = admin.as(secret);
        assertThat(reader.json("app", "show", "errors-existing").path("name").asString())
                .isEqualTo("errors-existing");

        CliSession.Result result =
                reader.run("app", "create", "errors-by-reader", "--image", "registry.example.test/shop/x");

        assertOneLineError(result, 3);
        assertThat(result.stderr()).contains("(403)");
    }

    @Test
    void aDuplicateAppExits5() {
        CliSession.Result result =
                admin.run("app", "create", "errors-existing", "--image", "registry.example.test/shop/other");

        assertOneLineError(result, 5);
        assertThat(result.stderr()).contains("errors-existing").contains("(409)");
    }

    @Test
    void aDuplicateEnvironmentExits5() {
        assertOneLineError(admin.run("env", "create", "dev", "--rank", "11"), 5);
    }

    @Test
    void anUnreachableServerExits1AndNamesTheServer() {
        String url = "http://127.0.0.1:" + closedPort();
        CliSession.Result result = admin.withEnv("CATAPULT_SERVER", url).run("app", "list");

        assertOneLineError(result, 1);
        assertThat(result.stderr()).contains("cannot reach").contains(url);
    }

    @Test
    void withDebugTheSameFailureAlsoPrintsItsStackTrace() {
        CliSession.Result result = admin.run("--debug", "app", "show", "no-such-app");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderrLines()).hasSizeGreaterThan(1);
        assertThat(result.stderr()).contains("at dev.catapult.cli.");
        assertThat(result.stderrLines()).last().asString().startsWith("error: ").contains("no-such-app");
    }

    // ---------------------------------------------------------------------------------------------------

    /** Exactly one line on stderr, prefixed {@code error:}, no stack trace, nothing on stdout. */
    private static void assertOneLineError(CliSession.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.stdout()).as(result.toString()).isEmpty();
        assertThat(result.stderrLines())
                .as(result.toString())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .doesNotContain("Exception")
                .doesNotContain("at dev.")
                .doesNotContain("\tat ");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
