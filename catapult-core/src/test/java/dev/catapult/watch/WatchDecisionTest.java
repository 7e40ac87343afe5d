package dev.catapult.watch;

import static dev.catapult.watch.Registry.NOW;
import static dev.catapult.watch.Registry.digest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.app.ImageRepository;
import dev.catapult.release.CommitSha;
import dev.catapult.release.Digest;
import dev.catapult.targets.WatchSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order of the auto-deploy rules: hold, registry, policy, auto-deploy switch, once per image, a commit. */
class WatchDecisionTest {
    private static final ImageRepository REPO = new ImageRepository("127.0.0.1:5000/shop/api");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    /**
     * Columns: the hold ({@code active}, {@code expired}, {@code -}), auto-deploy, the registry's tags
     * ({@code none} without a registry), tags with a revision label ({@code tag=sha}, {@code tag=UPPER} for an
     * upper-case sha, {@code tag=short} for a short one), tags auto-deployed before, tags with a release
     * ({@code tag=version}), what runs — and the decision: its kind and the tag or release it names.
     */
    @ParameterizedTest(name = "[{index}] hold {0}, auto {1}, tags {2}, running {6} ⇒ {7} {8}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # hold   | auto  | registry          | revisions         | auto-deployed | releases | running | decision        | detail
      active   | true  | 1.0.0 1.1.0       | 1.1.0=sha         | -             | -        | 1.0.0   | held            | rolled back to v1
      active   | true  | none              | -                 | -             | -        | 1.0.0   | held            | rolled back to v1
      expired  | true  | 1.0.0 1.1.0       | 1.1.0=sha         | -             | -        | 1.0.0   | deploy          | create 1.1.0
      -        | true  | none              | -                 | -             | -        | 1.0.0   | no-registry     | 127.0.0.1:5000/shop/api
      -        | true  | 1.0.0             | 1.0.0=sha         | -             | -        | 1.0.0   | up-to-date      | -
      -        | true  | latest            | -                 | -             | -        | -       | ineligible      | -
      -        | false | 1.0.0 1.1.0       | 1.1.0=sha         | -             | -        | 1.0.0   | off             | 1.1.0
      -        | false | 1.0.0 1.1.0       | -                 | 1.1.0         | -        | 1.0.0   | off             | 1.1.0
      -        | true  | 1.0.0 1.1.0       | 1.1.0=sha         | 1.1.0         | 1.1.0=7  | 1.0.0   | already         | 1.1.0
      -        | true  | 1.0.0 1.1.0       | 1.1.0=sha         | 1.0.0         | 1.1.0=7  | 1.0.0   | deploy          | existing 7
      -        | true  | 1.0.0 1.1.0       | -                 | -             | 1.1.0=7  | 1.0.0   | deploy          | existing 7
      -        | true  | 1.0.0 1.1.0       | 1.1.0=sha         | -             | 1.0.0=3  | 1.0.0   | deploy          | create 1.1.0
      -        | true  | 1.0.0 1.1.0       | 1.0.0=sha         | -             | -        | 1.0.0   | no-commit       | 1.1.0
      -        | true  | 1.0.0 1.1.0       | 1.1.0=UPPER       | -             | -        | 1.0.0   | no-commit       | 1.1.0
      -        | true  | 1.0.0 1.1.0       | 1.1.0=short       | -             | -        | 1.0.0   | no-commit       | 1.1.0
      -        | true  | 1.0.0 1.1.0       | 1.1.0=sha         | -             | -        | -       | deploy          | create 1.1.0
      """)
    void decidesInRuleOrder(
            @Nullable String hold,
            boolean autoDeploy,
            String registry,
            @Nullable String revisions,
            @Nullable String autoDeployed,
            @Nullable String releases,
            @Nullable String running,
            String decision,
            @Nullable String detail) {
        WatchedTarget target = new WatchedTarget(REPO, semver(), autoDeploy, hold(hold), Registry.deployed(running));
        WatchDecision d = WatchDecision.decide(
                target, registry(registry, pairs(revisions)), history(autoDeployed, pairs(releases)), NOW);
        assertThat(describe(d)).isEqualTo(decision + (detail == null ? "" : " " + detail));
    }

    @Test
    void aDeployPinsTheRepositoryToTheChosenDigestAndSaysWhy() {
        WatchDecision d = WatchDecision.decide(
                new WatchedTarget(REPO, semver(), true, null, Registry.deployed("1.0.0")),
                registry("1.0.0 1.1.0", Map.of("1.1.0", SHA)),
                ImageHistory.NONE,
                NOW);
        WatchDecision.Deploy deploy = (WatchDecision.Deploy) d;
        assertThat(deploy.image().digestReference())
                .isEqualTo(REPO.value() + "@" + digest("1.1.0").value());
        assertThat(deploy.release())
                .isEqualTo(new WatchDecision.Release.Create(
                        new CommitSha(SHA),
                        "Automatic release of 1.1.0 (" + digest("1.1.0").value().substring(7, 19) + ")"));
        assertThat(deploy.deploying(8)).isEqualTo("deploying 1.1.0 as v8");
        assertThat(deploy.why()).contains("1.1.0");
    }

    @Test
    void everyRefusalSaysWhy() {
        Hold hold = new Hold("rolled back to v1", null, "alice");
        assertThat(new WatchDecision.Held(hold).why()).isEqualTo("held by alice: rolled back to v1");
        assertThat(new WatchDecision.NoRegistry(REPO).why())
                .isEqualTo("no registry is configured for 127.0.0.1:5000/shop/api");
        Candidate candidate = new Candidate("1.1.0", digest("1.1.0"), NOW);
        assertThat(new WatchDecision.Off(candidate).why()).isEqualTo("would deploy 1.1.0 if auto-deploy were on");
        assertThat(new WatchDecision.AlreadyDeployed(candidate).why())
                .isEqualTo("1.1.0 (" + digest("1.1.0").value() + ") was auto-deployed here before");
    }

    private static WatchPolicy semver() {
        return WatchPolicy.of(new WatchSpec("semver", true, null, null, null, false, null, null));
    }

    private static @Nullable Hold hold(@Nullable String state) {
        if (state == null) {
            return null;
        }
        return new Hold("rolled back to v1", state.equals("active") ? null : NOW.minus(Duration.ofMinutes(1)), "alice");
    }

    private static @Nullable List<WatchedImage> registry(String tags, Map<String, String> revisions) {
        if (tags.equals("none")) {
            return null;
        }
        return Registry.tags(tags).stream()
                .map(c -> new WatchedImage(c, revision(revisions.get(c.tag()))))
                .toList();
    }

    private static @Nullable String revision(@Nullable String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "sha" -> SHA;
            case "UPPER" -> SHA.toUpperCase();
            case "short" -> SHA.substring(0, 7);
            default -> kind;
        };
    }

    private static ImageHistory history(@Nullable String autoDeployed, Map<String, String> releases) {
        Set<Digest> deployed = new HashSet<>();
        if (autoDeployed != null) {
            Stream.of(autoDeployed.split(" ")).map(Registry::digest).forEach(deployed::add);
        }
        Map<Digest, Long> versions = new HashMap<>();
        releases.forEach((tag, version) -> versions.put(digest(tag), Long.parseLong(version)));
        return new ImageHistory(deployed, versions);
    }

    private static Map<String, String> pairs(@Nullable String text) {
        Map<String, String> out = new HashMap<>();
        if (text != null) {
            for (String pair : text.split(" ")) {
                String[] kv = pair.split("=", 2);
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }

    private static String describe(WatchDecision d) {
        return switch (d) {
            case WatchDecision.Held h -> "held " + h.hold().reason();
            case WatchDecision.NoRegistry n -> "no-registry " + n.repository().value();
            case WatchDecision.UpToDate u -> "up-to-date";
            case WatchDecision.Ineligible i when i.candidate() == null -> "ineligible";
            case WatchDecision.Ineligible i -> "no-commit " + i.candidate().tag();
            case WatchDecision.Off o -> "off " + o.candidate().tag();
            case WatchDecision.AlreadyDeployed a -> "already " + a.candidate().tag();
            case WatchDecision.Deploy x ->
                switch (x.release()) {
                    case WatchDecision.Release.Existing e -> "deploy existing " + e.version();
                    case WatchDecision.Release.Create c ->
                        "deploy create " + x.candidate().tag();
                };
        };
    }
}
