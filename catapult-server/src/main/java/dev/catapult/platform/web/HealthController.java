package dev.catapult.platform.web;

import dev.catapult.platform.Readiness;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness, without authentication. */
@RestController
class HealthController {
    private final Readiness readiness;

    HealthController(Readiness readiness) {
        this.readiness = readiness;
    }

    @GetMapping("/healthz")
    Map<String, String> healthz() {
        return Map.of("status", "ok");
    }

    @GetMapping("/readyz")
    ResponseEntity<Map<String, Object>> readyz() {
        Map<String, Object> state = readiness.check();
        return ResponseEntity.status("ready".equals(state.get("status")) ? 200 : 503)
                .body(state);
    }
}
