package dev.catapult.audit.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.AuditEventView;
import dev.catapult.api.AuditVerifyView;
import dev.catapult.api.Page;
import dev.catapult.audit.AuditChain;
import dev.catapult.audit.AuditRecord;
import dev.catapult.audit.AuditTrail;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.web.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {
    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    Page<AuditEventView> list(
            Actor actor,
            @RequestParam(name = "actor", required = false) @Nullable String byActor,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Long after,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        actor.grants().require(Permission.read());
        return Pages.wire(
                audit.list(byActor, subject, action, after, PageRequest.of(limit, cursor)), AuditController::view);
    }

    @GetMapping("/api/v1/audit/verify")
    AuditVerifyView verify(Actor actor) {
        actor.grants().require(Permission.read());
        AuditChain.Result r = audit.verify();
        return new AuditVerifyView(r.ok(), r.checked(), r.firstBadSeq(), r.reason());
    }

    private static AuditEventView view(AuditRecord e) {
        return new AuditEventView(
                e.seq(),
                e.at(),
                e.actor(),
                e.action(),
                e.subject(),
                e.details(),
                e.requestId(),
                e.prevHash(),
                e.hash());
    }
}
