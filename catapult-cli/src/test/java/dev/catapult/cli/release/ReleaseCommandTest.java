package dev.catapult.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.cli.support.CatapultServerExtension;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.Seed;
import dev.catapult.cli.support.TestRepo;
import dev.catapult.client.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandTest {

    private static final String DIGEST = "reg/shop@sha256:" + "cd".repeat(32);

    @TempDir
    Path home;

    @TempDir
    Path checkout;

    @RegisterExtension
    static final CatapultServerExtension server = new CatapultServerExtension();

    Seed seed;
    TestRepo repo;

    @BeforeEach
    void start() {
        seed = new Seed(server).app("shop", "reg/shop");
        repo = TestRepo.init(checkout);
    }

    @AfterEach
    void stop() {
        repo.close();
    }

    private CliRun cli() {
        return CliRun.against(server, home).in(checkout);
    }

    private ReleaseCreateRequest sentRelease() {
        return server.lastSent("POST", "/api/v1/apps/shop/releases", ReleaseCreateRequest.class);
    }

    @Test
    void releaseSendsTheCommitListChangelogAndAStableIdempotencyKey() {
        String base = repo.commit("base");
        seed.release("shop", base, List.of(base));
        String a = repo.commit("add cart");
        String b = repo.commit("fix cart");

        CliRun.Result result = cli().run("release", "shop", "--image", DIGEST);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        ReleaseCreateRequest sent = sentRelease();
        assertThat(sent.commit()).isEqualTo(b);
        assertThat(sent.commits()).containsExactly(b, a);
        assertThat(sent.changelog()).contains("fix cart (Ada Lovelace)");
        assertThat(server.requests("POST", "/api/v1/apps/shop/releases")
                        .getLast()
                        .headers()
                        .get("idempotency-key"))
                .isEqualTo(IdempotencyKey.of("shop", b, DIGEST, 1));
        assertThat(Json.parse(result.stdout()).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void defaultImageIsTheAppImageAtItsTagTemplate() {
        String head = repo.commit("first");
        CliRun.Result result = cli().run("release", "shop");

        assertThat(sentRelease().image()).isEqualTo("reg/shop:ref-" + head);
        assertThat(result.exitCode()).isEqualTo(2);
        // The server cannot resolve a tag in a registry it does not know, and says so.
        assertThat(result.stderr().strip())
                .isEqualTo("error: image: 'reg/shop:ref-" + head
                        + "' is a tag reference and no registry is configured for its host; add the registry"
                        + " (POST /api/v1/registries) or pass a digest reference (reg/shop@sha256:…) (400)");
    }

    @Test
    void dryRunCreatesNothing() {
        repo.commit("first");

        CliRun.Result result = cli().run("release", "shop", "--no-image", "--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("POST", "/api/v1/apps/shop/releases")).isEmpty();
        assertThat(Json.parse(result.stdout()).path("request").path("noImage").asBoolean())
                .isTrue();
    }

    @Test
    void rollbackReleaseWithoutATerminalNeedsYes() {
        String old = repo.commit("old");
        String newer = repo.commit("newer");
        seed.release("shop", newer, List.of(newer));

        CliRun.Result refused = cli().run("release", "shop", "--commit", old, "--no-image");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr())
                .contains("rolling back from " + newer.substring(0, 7) + " to " + old.substring(0, 7)
                        + ", removing 1 commit");
        assertThat(refused.stderr()).contains("error: this release rolls back commits; pass --yes");
        assertThat(server.requests("POST", "/api/v1/apps/shop/releases")).isEmpty();

        CliRun.Result confirmed = cli().run("release", "shop", "--commit", old, "--no-image", "--yes");

        assertThat(confirmed.exitCode()).isZero();
        assertThat(sentRelease().commits()).containsExactly(newer);
    }

    @Test
    void filterFileRestrictsTheListedCommits() throws Exception {
        String base = repo.commit("svc/shop/a", "base", "Ada Lovelace");
        seed.release("shop", base, List.of(base));
        String shop = repo.commit("svc/shop/b", "shop work", "Ada Lovelace");
        repo.commit("svc/other/c", "other work", "Ada Lovelace");
        Path filter = home.resolve("paths");
        Files.writeString(filter, "# shop only\n./svc/shop/\n");

        CliRun.Result result = cli().run("release", "shop", "--no-image", "--filter-files-path", filter.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentRelease().commits()).containsExactly(shop);
    }

    @Test
    void outsideAGitRepositoryIsAUsageError() {
        CliRun.Result result = CliRun.against(server, home).in(home).run("release", "shop", "--no-image");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: not a git repository");
    }
}
