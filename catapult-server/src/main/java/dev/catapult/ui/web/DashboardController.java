package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.status.StatusCell;
import dev.catapult.status.StatusGrid;
import dev.catapult.status.StatusMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The apps × environments matrix; the page refreshes the matrix fragment every few seconds. */
@Controller
class DashboardController {
    private final StatusMatrix matrix;

    DashboardController(StatusMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping({"/ui", "/ui/"})
    String dashboard(Actor actor, Model model) {
        addMatrix(actor, model);
        model.addAttribute("actor", actor);
        return "ui/dashboard";
    }

    @GetMapping("/ui/matrix")
    String matrixFragment(Actor actor, Model model) {
        addMatrix(actor, model);
        return "ui/dashboard :: matrix";
    }

    private void addMatrix(Actor actor, Model model) {
        actor.grants().require(Permission.read());
        StatusGrid view = matrix.read(null, null);
        Map<String, Map<String, StatusCell>> rows = new LinkedHashMap<>();
        for (StatusCell e : view.entries()) {
            rows.computeIfAbsent(e.app(), a -> new LinkedHashMap<>()).put(e.environment(), e);
        }
        model.addAttribute("environments", view.environments());
        model.addAttribute("rows", rows);
        model.addAttribute("apps", List.copyOf(rows.keySet()));
    }
}
