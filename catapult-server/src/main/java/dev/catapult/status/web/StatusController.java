package dev.catapult.status.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.StatusEntry;
import dev.catapult.api.StatusView;
import dev.catapult.status.StatusCell;
import dev.catapult.status.StatusGrid;
import dev.catapult.status.StatusMatrix;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatusController {
    private final StatusMatrix matrix;

    StatusController(StatusMatrix matrix) {
        this.matrix = matrix;
    }

    /** {@code environment} may repeat ({@code ?environment=staging&environment=prod}). */
    @GetMapping("/api/v1/status")
    StatusView status(
            Actor actor,
            @RequestParam(name = "environment", required = false) @Nullable List<String> environments,
            @RequestParam(required = false) @Nullable String app) {
        actor.grants().require(Permission.read());
        StatusGrid grid = matrix.read(environments, app);
        return new StatusView(
                grid.environments(),
                grid.entries().stream().map(StatusController::entry).toList());
    }

    private static StatusEntry entry(StatusCell c) {
        return new StatusEntry(
                c.app(),
                c.environment(),
                c.latestVersion(),
                c.version(),
                c.status(),
                c.deployId(),
                c.at(),
                c.by(),
                c.behind());
    }
}
