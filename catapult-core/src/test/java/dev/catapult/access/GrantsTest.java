package dev.catapult.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Forbidden;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrantsTest {

    static Stream<Permission> everyKindOfPermission() {
        return Stream.of(
                Permission.admin(),
                Permission.read(),
                new Permission.AppWrite(),
                new Permission.Release("shop"),
                new Permission.Deploy("shop", "prod"),
                new Permission.DeployReport(),
                new Permission.Watch("shop", "prod"));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfPermission")
    void withoutScopesEverythingIsDenied(Permission permission) {
        assertThat(new Grants(List.of()).allow(permission)).isFalse();
    }

    @ParameterizedTest(name = "{0} ⇒ {1}")
    @MethodSource
    void denialIsForbiddenNamingTheMissingScope(Permission permission, String scope) {
        Grants grants = new Grants(List.of(new Scope("release:other")));

        assertThatExceptionOfType(Forbidden.class)
                .isThrownBy(() -> grants.require(permission))
                .withMessage("token lacks the scope " + scope);
    }

    static Stream<Arguments> denialIsForbiddenNamingTheMissingScope() {
        return Stream.of(
                Arguments.of(Permission.admin(), "admin"),
                Arguments.of(new Permission.AppWrite(), "app:write"),
                Arguments.of(new Permission.Release("shop"), "release:shop"),
                Arguments.of(new Permission.Deploy("shop", "prod"), "deploy:shop:prod"),
                Arguments.of(new Permission.DeployReport(), "deploy:report"),
                Arguments.of(new Permission.Watch("shop", "dev"), "watch:shop:dev"));
    }

    @Test
    void emptyGrantsDenyReadNamingIt() {
        assertThatExceptionOfType(Forbidden.class)
                .isThrownBy(() -> new Grants(List.of()).require(Permission.read()))
                .withMessage("token lacks the scope read");
    }

    @Test
    void anyOneScopeSuffices() {
        Grants grants = new Grants(List.of(new Scope("release:shop"), new Scope("deploy:shop:dev")));

        assertThat(grants.allow(new Permission.Deploy("shop", "dev"))).isTrue();
        assertThat(grants.allow(new Permission.Release("shop"))).isTrue();
        assertThat(grants.allow(new Permission.Deploy("shop", "prod"))).isFalse();
    }

    @Test
    void grantedPermissionPassesTheCheck() {
        Grants grants = new Grants(List.of(new Scope("deploy:shop-*:*")));

        assertThatCode(() -> grants.require(new Permission.Deploy("shop-api", "prod")))
                .doesNotThrowAnyException();
    }

    @Test
    void grantsDoNotChangeWhenTheirSourceListDoes() {
        List<Scope> scopes = new ArrayList<>(List.of(new Scope("read")));
        Grants grants = new Grants(scopes);

        scopes.add(new Scope("admin"));

        assertThat(grants.allow(Permission.admin())).isFalse();
    }

    @Test
    void systemActorMayDoEverything() {
        Actor system = Actor.system("deploy-timeouts");

        assertThat(everyKindOfPermission()).allMatch(system.grants()::allow);
        assertThat(system.human()).isFalse();
        assertThat(system.name()).isEqualTo("deploy-timeouts");
    }

    @Test
    void aPasswordSessionMayDoWhatThePrincipalsLiveTokensMayDo() {
        Grants session = Grants.ofPasswordSession(
                List.of(new Scope("deploy:shop:*"), new Scope("watch:shop:dev"), new Scope("deploy:shop:*")));

        assertThat(session.scopes()).extracting(Scope::value).containsExactly("deploy:shop:*", "watch:shop:dev");
        assertThat(session.allow(new Permission.Deploy("shop", "prod"))).isTrue();
        assertThat(session.allow(new Permission.Watch("shop", "dev"))).isTrue();
        assertThat(session.allow(new Permission.Watch("shop", "prod"))).isFalse();
        assertThat(session.allow(Permission.admin())).isFalse();
    }

    @Test
    void aPasswordSessionWithoutLiveTokensMayOnlyRead() {
        Grants session = Grants.ofPasswordSession(List.of());

        assertThat(session.scopes()).extracting(Scope::value).containsExactly("read");
        assertThat(everyKindOfPermission()).filteredOn(session::allow).containsExactly(Permission.read());
    }
}
