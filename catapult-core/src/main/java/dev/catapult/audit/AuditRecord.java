package dev.catapult.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as stored. {@code at} is kept to microseconds, the precision PostgreSQL stores, so the
 * hash computed before insert equals the one recomputed after reading back.
 */
public record AuditRecord(
        long seq,
        Instant at,
        String actor,
        String action,
        String subject,
        Map<String, Object> details,
        @Nullable String requestId,
        String prevHash,
        String hash) {

    /** The fields the hash covers, in canonical form (everything but the hashes). */
    public String canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("at", AuditChain.timestamp(at));
        m.put("actor", actor);
        m.put("action", action);
        m.put("subject", subject);
        m.put("details", details);
        m.put("requestId", requestId);
        return CanonicalJson.write(m);
    }
}
