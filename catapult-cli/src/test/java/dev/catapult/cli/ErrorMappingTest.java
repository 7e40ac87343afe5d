package dev.catapult.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.api.Problem;
import dev.catapult.cli.support.CatapultServerExtension;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.ProblemServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    @TempDir
    Path home;

    @RegisterExtension
    static final CatapultServerExtension server = new CatapultServerExtension();

    /** The CLI against a server that answers every request with {@code problem}. */
    private CliRun.Result runAgainst(Problem problem, String... args) {
        try (ProblemServer canned = ProblemServer.answering(problem)) {
            return new CliRun(home)
                    .env("CATAPULT_SERVER", canned.url())
                    .env("CATAPULT_TOKEN", server.token())
                    .run(args);
        }
    }

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"400, 2", "413, 2", "401, 3", "403, 3", "404, 4", "409, 5", "429, 1", "500, 1", "503, 1"})
    void problemStatusesMapToExitCodesWithTheDetailOnOneLine(int status, int exitCode) {
        // Statuses the real server has no way to be asked for (429, 5xx, a proxy's 413) come from a canned answer.
        CliRun.Result result = runAgainst(
                new Problem("about:blank", "Error", status, "the server says no", null), "app", "show", "shop");

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.stderr()).isEqualTo("error: the server says no (" + status + ")\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aWrongTokenIsAnAuthError() {
        CliRun.Result result =
                CliRun.against(server, home).env("CATAPULT_TOKEN", "wrong").run("app", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: the token is invalid, expired or revoked (401)\n");
    }

    @Test
    void anUnreachableServerFailsWithOneLineAndNoStackTrace() {
        String url;
        try (ProblemServer stopped = ProblemServer.answering(new Problem(null, null, 500, null, null))) {
            url = stopped.url();
        }

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
        CliRun.Result result = CliRun.against(server, home).run("app", "show", "shop", "--debug");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).contains("\tat ").endsWith("error: app 'shop' not found (404)\n");
    }

    @Test
    void fieldErrorsAreAppendedToTheDetail() {
        // Our server states its field errors in the detail (next test), so a server that does not is a canned answer.
        CliRun.Result result = runAgainst(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "invalid request",
                        List.of(new Problem.FieldError("name", "must match ^[a-z0-9][a-z0-9-]{0,62}$"))),
                "app",
                "create",
                "Shop",
                "--image",
                "reg/shop");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .isEqualTo("error: invalid request: name: must match ^[a-z0-9][a-z0-9-]{0,62}$ (400)\n");
    }

    @Test
    void fieldErrorsTheDetailAlreadyStatesAreNotRepeated() {
        CliRun.Result result = CliRun.against(server, home).run("app", "create", "Shop", "--image", "reg/shop");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .isEqualTo("error: name: app names match ^[a-z0-9][a-z0-9-]{0,62}$ (got 'Shop') (400)\n");
    }
}
