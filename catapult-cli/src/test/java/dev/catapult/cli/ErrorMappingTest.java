package dev.catapult.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.api.Problem;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.FakeCatapultServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    @TempDir
    Path home;

    FakeCatapultServer server;

    @BeforeEach
    void start() {
        server = FakeCatapultServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"400, 2", "413, 2", "401, 3", "403, 3", "404, 4", "409, 5", "429, 1", "500, 1", "503, 1"})
    void problemStatusesMapToExitCodesWithTheDetailOnOneLine(int status, int exitCode) {
        server.failWith("GET", "/api/v1/apps/shop", status, "the server says no");

        CliRun.Result result = CliRun.against(server, home).run("app", "show", "shop");

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.stderr()).isEqualTo("error: the server says no (" + status + ")\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aWrongTokenIsAnAuthError() {
        CliRun.Result result =
                CliRun.against(server, home).env("CATAPULT_TOKEN", "wrong").run("app", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: missing or invalid token (401)\n");
    }

    @Test
    void anUnreachableServerFailsWithOneLineAndNoStackTrace() {
        String url = server.url();
        server.close();

        CliRun.Result result =
                CliRun.against(server, home).env("CATAPULT_SERVER", url).run("app", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .startsWith("error: cannot reach the Catapult server at " + url)
                .doesNotContain("\tat ");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void debugAddsTheStackTrace() {
        server.failWith("GET", "/api/v1/apps/shop", 404, "app 'shop' not found");

        CliRun.Result result = CliRun.against(server, home).run("app", "show", "shop", "--debug");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).contains("\tat ").endsWith("error: app 'shop' not found (404)\n");
    }

    @Test
    void fieldErrorsAreAppendedToTheDetail() {
        server.failWith(
                "POST",
                "/api/v1/apps",
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "invalid request",
                        List.of(new Problem.FieldError("name", "must match ^[a-z0-9][a-z0-9-]{0,62}$"))));

        CliRun.Result result = CliRun.against(server, home).run("app", "create", "Shop", "--image", "reg/shop");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .isEqualTo("error: invalid request: name: must match ^[a-z0-9][a-z0-9-]{0,62}$ (400)\n");
    }

    @Test
    void fieldErrorsTheDetailAlreadyStatesAreNotRepeated() {
        server.failWith(
                "POST",
                "/api/v1/apps",
                new Problem(
                        "about:blank",
                        "Invalid input",
                        400,
                        "name: must be lower case",
                        List.of(new Problem.FieldError("name", "must be lower case"))));

        CliRun.Result result = CliRun.against(server, home).run("app", "create", "Shop", "--image", "reg/shop");

        assertThat(result.stderr()).isEqualTo("error: name: must be lower case (400)\n");
    }
}
