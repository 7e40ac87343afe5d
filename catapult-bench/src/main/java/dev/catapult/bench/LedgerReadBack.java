package dev.catapult.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads an app's whole release list back (newest first, 500 a page) and checks the versions are 1..n. */
final class LedgerReadBack {
    private LedgerReadBack() {}

    /** {@code ok} when the ledger holds exactly versions 1..expected, each once, listed newest first. */
    record Verdict(boolean ok, int found, String detail) {}

    static Verdict verify(CatapultClient client, String app, int expected) throws IOException, InterruptedException {
        List<Long> versions = new ArrayList<>();
        String cursor = null;
        do {
            String query = "/api/v1/apps/" + app + "/releases?limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            CatapultClient.Response r = client.get(query);
            if (r.status() != 200) {
                return new Verdict(false, versions.size(), "listing answered " + r.status() + ": " + r.body());
            }
            JsonNode page = r.json();
            for (JsonNode item : page.get("items")) {
                versions.add(item.get("version").asLong());
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return judge(versions, expected);
    }

    /** Whether {@code newestFirst} is exactly expected, expected-1, …, 1. */
    static Verdict judge(List<Long> newestFirst, int expected) {
        for (int i = 0; i < newestFirst.size(); i++) {
            long want = expected - i;
            if (newestFirst.get(i) != want) {
                return new Verdict(
                        false,
                        newestFirst.size(),
                        "position " + i + " holds version " + newestFirst.get(i) + ", expected " + want + " (read "
                                + newestFirst.size() + " releases)");
            }
        }
        if (newestFirst.size() != expected) {
            return new Verdict(
                    false, newestFirst.size(), "read " + newestFirst.size() + " releases, expected " + expected);
        }
        return new Verdict(true, expected, "versions 1.." + expected + ", gapless, no duplicates");
    }
}
