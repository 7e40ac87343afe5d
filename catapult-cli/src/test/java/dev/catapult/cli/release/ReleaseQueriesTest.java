package dev.catapult.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.CatapultServerExtension;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.Seed;
import dev.catapult.client.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReleaseQueriesTest {

    @TempDir
    Path home;

    @RegisterExtension
    static final CatapultServerExtension server = new CatapultServerExtension();

    @BeforeEach
    void seed() {
        Seed seed = new Seed(server).app("shop", "reg/shop");
        server.pageSize(2);
        for (int i = 1; i <= 6; i++) {
            String sha = String.valueOf(i).repeat(40);
            seed.release("shop", sha, List.of(sha, "c".repeat(39) + (i <= 3 ? "0" : "1")));
        }
    }

    private CliRun.Result run(String... args) {
        return CliRun.against(server, home).run(args);
    }

    @Test
    void logListsTheReleasesAfterAUpToBAcrossPages() {
        JsonNode log = Json.parse(run("release", "log", "shop", "v2..v5").stdout());

        assertThat(log.valueStream().map(r -> r.path("version").asLong()).toList())
                .containsExactly(5L, 4L, 3L);
    }

    @Test
    void listShowsTheLastNNewestFirst() {
        JsonNode list = Json.parse(run("release", "list", "shop", "--last", "3").stdout());

        assertThat(list.valueStream().map(r -> r.path("version").asLong()).toList())
                .containsExactly(6L, 5L, 4L);
    }

    @Test
    void findReturnsTheOldestReleaseContainingTheCommit() {
        CliRun.Result result = run("release", "find", "shop", "--commit", "c".repeat(39) + "1");

        assertThat(Json.parse(result.stdout()).path("version").asLong()).isEqualTo(4);
    }

    @Test
    void findWithoutAMatchIsNotFound() {
        CliRun.Result result = run("release", "find", "shop", "--commit", "e".repeat(40));

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr().strip()).isEqualTo("error: no release of app 'shop' contains commit eeeeeee");
    }

    @Test
    void showOfAMissingVersionPrintsTheServersDetail() {
        CliRun.Result result = run("release", "show", "shop", "v7");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("error: release 7 of app 'shop' not found (404)\n");
    }

    @Test
    void tableOutputAlignsColumns() {
        CliRun.Result result = run("release", "list", "shop", "--last", "2", "--output", "table");

        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.getFirst()).startsWith("VERSION  COMMIT   IMAGE");
        assertThat(lines.get(1)).startsWith("v6       6666666  reg/shop@sha256:");
    }
}
