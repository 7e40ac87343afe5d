package dev.catapult.watch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What one evaluation of a target's watch decided, as stored in {@code targets.last_evaluation}. */
record Evaluation(
        String outcome,
        String why,
        @Nullable String tag,
        @Nullable String digest,
        @Nullable String deployId,
        String trigger,
        Instant at) {

    /** An evaluation that deployed nothing; {@code candidate} is the image it was about, if any. */
    static Evaluation of(String outcome, String why, @Nullable Candidate candidate, String trigger, Instant at) {
        return new Evaluation(
                outcome,
                why,
                candidate == null ? null : candidate.tag(),
                candidate == null ? null : candidate.digest().value(),
                null,
                trigger,
                at);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("why", why);
        m.put("tag", tag);
        m.put("digest", digest);
        m.put("deployId", deployId);
        m.put("trigger", trigger);
        m.put("at", at.toString());
        return m;
    }
}
