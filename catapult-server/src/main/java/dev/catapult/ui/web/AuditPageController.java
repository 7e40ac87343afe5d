package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.audit.AuditRecord;
import dev.catapult.audit.AuditTrail;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, filtered by actor, action and subject (a subject matches its children too). */
@Controller
class AuditPageController {
    private final AuditTrail audit;

    AuditPageController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/ui/audit")
    String page(
            Actor actor,
            @RequestParam(name = "actor", required = false) @Nullable String byActor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        actor.grants().require(Permission.read());
        Slice<AuditRecord> page = audit.list(
                blankToNull(byActor), blankToNull(subject), blankToNull(action), null, PageRequest.of(50, cursor));
        model.addAttribute("actor", actor);
        model.addAttribute("events", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("filterActor", byActor == null ? "" : byActor);
        model.addAttribute("filterAction", action == null ? "" : action);
        model.addAttribute("filterSubject", subject == null ? "" : subject);
        return "ui/audit";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
