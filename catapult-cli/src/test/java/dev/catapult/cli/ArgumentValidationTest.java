package dev.catapult.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentValidationTest {

    @TempDir
    Path home;

    private CliRun.Result run(String commandLine) {
        return new CliRun(home)
                .env("CATAPULT_SERVER", "http://127.0.0.1:9")
                .env("CATAPULT_TOKEN", "t")
                .run(commandLine.split(" "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app create shop",
                "env create prod --rank high",
                "deploy shop",
                "deploy shop prod --timeout forever",
                "release shop --image reg/shop@sha256:x --no-image",
                "release log shop v5..v2",
                "release show shop seven",
                "status --only [",
                "token create p1 --name ci --scope read --expires-at tomorrow",
                "promote shop --from prod --to prod",
                "app",
                "frobnicate",
                "app list --output yaml"
            })
    void usageErrorsExitTwoWithOneLineOnStderr(String commandLine) {
        CliRun.Result result = run(commandLine);

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stderr()).startsWith("error: ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void missingCredentialsAreAnAuthError() {
        CliRun.Result result = new CliRun(home).run("app", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).startsWith("error: not logged in");
    }

    @Test
    void helpExitsZero() {
        CliRun.Result result = new CliRun(home).run("deploy", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--rollback", "--wait", "--timeout");
    }
}
