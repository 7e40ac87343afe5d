package dev.catapult.bench;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic release-create bodies: a 40-hex commit, a digest-pinned image of the app's repository, a
 * changelog of about 1 KiB (ten one-line commit subjects, as {@code catapult release} sends them) and the
 * ten commit shas. Deterministic per (seed, index), so runs send the same bytes.
 */
final class ReleaseBodies {
    static final int COMMITS_PER_RELEASE = 10;
    private static final String[] SUBJECTS = {
        "Fix race in order reservation when two carts check out the same item",
        "Bump spring-boot from 4.0.7 to 4.0.8 and refresh the lock file",
        "Add retry with jittered backoff to the payment gateway client",
        "Log the correlation id on every outbound request to the warehouse",
        "Rename CustomerRepository#findAllActive to findActive for clarity",
        "Return 409 instead of 500 when a coupon was already redeemed",
        "Cache tax rates for 10 minutes; they change at most once a day",
        "Drop the legacy /v0/orders endpoint (no traffic for 90 days)",
        "Make the nightly export idempotent so a rerun does not duplicate rows",
        "Document the on-call runbook for stuck fulfilment jobs in README",
    };

    private static final String[] AUTHORS = {"Ada Lovelace", "Grace Hopper", "Ken Thompson", "Barbara Liskov"};

    private final String imageRepository;
    private final long seed;

    ReleaseBodies(String imageRepository, long seed) {
        this.imageRepository = imageRepository;
        this.seed = seed;
    }

    byte[] body(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        List<String> commits = new ArrayList<>(COMMITS_PER_RELEASE);
        StringBuilder changelog = new StringBuilder(1200);
        for (int i = 0; i < COMMITS_PER_RELEASE; i++) {
            String sha = hex(random, 20);
            commits.add(sha);
            changelog
                    .append(sha, 0, 7)
                    .append(' ')
                    .append(SUBJECTS[(index + i) % SUBJECTS.length])
                    .append(" (#")
                    .append(1000 + random.nextInt(9000))
                    .append(") by ")
                    .append(AUTHORS[random.nextInt(AUTHORS.length)])
                    .append('\n');
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commit", commits.getFirst());
        body.put("image", imageRepository + "@sha256:" + hex(random, 32));
        body.put("changelog", changelog.toString());
        body.put("commits", commits);
        return CatapultClient.JSON.writeValueAsBytes(body);
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
