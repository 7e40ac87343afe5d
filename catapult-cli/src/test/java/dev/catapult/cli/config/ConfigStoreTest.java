package dev.catapult.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path home;

    @Test
    void loginWritesTheConfigFileReadableOnlyByItsOwner() throws Exception {
        CliRun.Result result =
                new CliRun(home).run("login", "--server", "http://catapult.example:8080/", "--token", "s3cret");

        Path file = home.resolve("config");
        assertThat(result.exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new ConfigStore(Map.of("CATAPULT_CONFIG", file.toString()), home).load())
                .isEqualTo(new Config("http://catapult.example:8080", "s3cret"));
    }

    @Test
    void loginReadsTheTokenFromStdinWhenAsked() {
        new CliRun(home).stdin("from-stdin\n").run("login", "--server", "http://h", "--token-stdin");

        assertThat(new ConfigStore(
                                Map.of("CATAPULT_CONFIG", home.resolve("config").toString()), home)
                        .load()
                        .token())
                .isEqualTo("from-stdin");
    }

    @Test
    void defaultLocationHonoursXdgConfigHomeThenTheHomeDirectory() {
        assertThat(new ConfigStore(Map.of("XDG_CONFIG_HOME", "/x"), home).location())
                .isEqualTo(Path.of("/x/catapult/config"));
        assertThat(new ConfigStore(Map.of(), home).location()).isEqualTo(home.resolve(".config/catapult/config"));
    }

    @Test
    void savingCreatesPrivateDirectoriesUnderXdgConfigHome() throws Exception {
        ConfigStore store =
                new ConfigStore(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()), home);

        store.save(new Config("http://h", "t"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("xdg/catapult"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.location())))
                .isEqualTo("rw-------");
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        Path file = home.resolve("config");
        new ConfigStore(Map.of("CATAPULT_CONFIG", file.toString()), home).save(new Config("http://file", "file-token"));

        Config config = new ConfigStore(
                        Map.of(
                                "CATAPULT_CONFIG",
                                file.toString(),
                                "CATAPULT_SERVER",
                                "http://env",
                                "CATAPULT_TOKEN",
                                "env-token"),
                        home)
                .load();

        assertThat(config).isEqualTo(new Config("http://env", "env-token"));
    }

    @Test
    void loginRejectsAServerThatIsNotAnHttpUrl() {
        CliRun.Result result = new CliRun(home).run("login", "--server", "catapult.example", "--token", "t");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(Files.exists(home.resolve("config"))).isFalse();
    }
}
