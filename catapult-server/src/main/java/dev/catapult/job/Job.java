package dev.catapult.job;

import java.util.Map;

/** A claimed job as a handler sees it: its id, kind, payload and which attempt this is (from 1). */
public record Job(String id, String kind, Map<String, Object> payload, int attempt) {

    public String string(String key) {
        Object v = payload.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("job " + id + " has no string '" + key + "'");
        }
        return s;
    }
}
