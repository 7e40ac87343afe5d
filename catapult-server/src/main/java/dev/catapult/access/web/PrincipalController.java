package dev.catapult.access.web;

import dev.catapult.access.AccessControl;
import dev.catapult.access.Actor;
import dev.catapult.access.IssuedToken;
import dev.catapult.access.Principal;
import dev.catapult.access.TotpEnrolment;
import dev.catapult.api.PrincipalCreateRequest;
import dev.catapult.api.PrincipalView;
import dev.catapult.api.TokenCreateRequest;
import dev.catapult.api.TokenView;
import dev.catapult.api.TotpEnrolRequest;
import dev.catapult.api.TotpEnrolmentView;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PrincipalController {
    private final AccessControl access;

    PrincipalController(AccessControl access) {
        this.access = access;
    }

    @PostMapping("/api/v1/principals")
    @ResponseStatus(HttpStatus.CREATED)
    PrincipalView create(Actor actor, @RequestBody PrincipalCreateRequest body) {
        return view(access.createPrincipal(actor, body.name(), body.kind(), body.password()));
    }

    @GetMapping("/api/v1/principals")
    List<PrincipalView> list(Actor actor) {
        return access.listPrincipals(actor).stream()
                .map(PrincipalController::view)
                .toList();
    }

    @PostMapping("/api/v1/principals/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenView createToken(Actor actor, @PathVariable String id, @RequestBody TokenCreateRequest body) {
        IssuedToken t = access.createToken(actor, id, body.name(), body.scopes(), body.expiresAt());
        return new TokenView(t.id(), t.principalId(), t.name(), t.scopes(), t.expiresAt(), t.createdAt(), t.secret());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable String id) {
        access.revokeToken(actor, id);
    }

    @PostMapping("/api/v1/principals/{id}/totp")
    TotpEnrolmentView totp(
            Actor actor, @PathVariable String id, @RequestBody(required = false) @Nullable TotpEnrolRequest body) {
        return switch (access.enrolTotp(actor, id, body == null ? null : body.code())) {
            case TotpEnrolment.Started s -> new TotpEnrolmentView(false, s.secret(), s.otpauthUri());
            case TotpEnrolment.Enrolled e -> new TotpEnrolmentView(true, null, null);
        };
    }

    private static PrincipalView view(Principal p) {
        return new PrincipalView(p.id(), p.name(), p.kind(), p.totpEnrolled(), p.createdAt());
    }
}
