package dev.catapult.access;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import dev.catapult.common.Wildcards;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    static Stream<String> validScopes() {
        return Stream.of(
                "admin",
                "read",
                "app:write",
                "deploy:report",
                "release:shop",
                "release:*",
                "release:shop-?",
                "release:a",
                "release:" + "a".repeat(63),
                "deploy:shop:prod",
                "deploy:*:*",
                "deploy:shop-*:stag?ng",
                "deploy:report:prod",
                "watch:api:dev",
                "watch:*:*",
                "watch:??:*-eu");
    }

    @ParameterizedTest
    @MethodSource("validScopes")
    void validScopeIsAccepted(String text) {
        assertThat(new Scope(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "Admin",
                "write",
                "admin:*",
                "app:read",
                "app:write:x",
                "read ",
                " read",
                "release",
                "release:",
                "release:Shop",
                "release:shop:prod",
                "release:shop_api",
                "release:shop.api",
                "release:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "deploy",
                "deploy:shop",
                "deploy:shop:prod:eu",
                "deploy::prod",
                "deploy:shop:",
                "deploy:report:",
                "watch:shop",
                "watch:*",
                "watch:shop:PROD"
            })
    void invalidScopeIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> new Scope(text));

        assertThat(error.field()).isEqualTo("scopes");
        assertThat(error.message()).contains("is not a scope");
    }

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource({
        "shop, shop, true",
        "shop, shop-api, false",
        "shop, sho, false",
        "*, shop, true",
        "*, '', true",
        "shop-*, shop-api, true",
        "shop-*, shop-, true",
        "shop-*, shop, false",
        "*-api, shop-api, true",
        "*-api, shop-api-v2, false",
        "s*p, shop, true",
        "s*p, sp, true",
        "s*p, shops, false",
        "*a*b*, xxaxxbxx, true",
        "*a*b*, xxbxxaxx, false",
        "a*a, aa, true",
        "a*a, a, false",
        "?, a, true",
        "?, ab, false",
        "?, '', false",
        "??, ab, true",
        "shop-?, shop-1, true",
        "shop-?, shop-12, false",
        "stag?ng, staging, true",
        "prod, production, false",
        "prod*, production, true",
        "*-?, eu-1, true",
        "*-?, eu-12, false"
    })
    void globMatchesStarAndQuestionMarkAndLiterals(String glob, String text, boolean matches) {
        assertThat(Wildcards.matches(glob, text)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} grants deploy {1}/{2}: {3}")
    @CsvSource({
        "deploy:shop:prod, shop, prod, true",
        "deploy:shop:prod, shop, staging, false",
        "deploy:shop:prod, shop-api, prod, false",
        "deploy:*:dev, anything, dev, true",
        "deploy:*:dev, anything, prod, false",
        "deploy:shop-*:*, shop-api, prod, true",
        "deploy:shop-*:*, api, prod, false",
        "deploy:*:*, any, env, true",
        "deploy:report, report, prod, false",
        "release:*, shop, prod, false",
        "watch:*:*, shop, prod, false",
        "app:write, shop, prod, false"
    })
    void deployScopeGlobsMatchAppAndEnvironment(String scope, String app, String env, boolean granted) {
        assertThat(new Scope(scope).grants(new Permission.Deploy(app, env))).isEqualTo(granted);
    }

    @ParameterizedTest(name = "{0} grants release of {1}: {2}")
    @CsvSource({
        "release:shop, shop, true",
        "release:shop, shop-api, false",
        "release:shop-*, shop-api, true",
        "release:*, anything, true",
        "deploy:*:*, shop, false",
        "app:write, shop, false"
    })
    void releaseScopeGlobMatchesTheApp(String scope, String app, boolean granted) {
        assertThat(new Scope(scope).grants(new Permission.Release(app))).isEqualTo(granted);
    }

    @ParameterizedTest(name = "{0} grants watch {1}/{2}: {3}")
    @CsvSource({
        "watch:shop:dev, shop, dev, true",
        "watch:shop:dev, shop, prod, false",
        "watch:*:*, shop, prod, true",
        "deploy:*:*, shop, prod, false"
    })
    void watchScopeGlobsMatchAppAndEnvironment(String scope, String app, String env, boolean granted) {
        assertThat(new Scope(scope).grants(new Permission.Watch(app, env))).isEqualTo(granted);
    }

    @Test
    void deployReportScopeGrantsReportsButNoDeploys() {
        Scope report = new Scope("deploy:report");

        assertThat(report.grants(new Permission.DeployReport())).isTrue();
        assertThat(report.grants(new Permission.Deploy("shop", "prod"))).isFalse();
    }

    @Test
    void deployScopeGrantsDeploysButNoReports() {
        assertThat(new Scope("deploy:*:*").grants(new Permission.DeployReport()))
                .isFalse();
        assertThat(new Scope("deploy:shop:prod").grants(new Permission.DeployReport()))
                .isFalse();
    }

    @Test
    void appWriteScopeGrantsAppWriteOnly() {
        Scope appWrite = new Scope("app:write");

        assertThat(appWrite.grants(new Permission.AppWrite())).isTrue();
        assertThat(appWrite.grants(new Permission.Release("shop"))).isFalse();
        assertThat(appWrite.grants(Permission.admin())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.catapult.access.GrantsTest#everyKindOfPermission")
    void adminGrantsEveryPermission(Permission permission) {
        assertThat(new Scope("admin").grants(permission)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validScopes")
    void everyScopeGrantsRead(String text) {
        assertThat(new Scope(text).grants(Permission.read())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validScopes")
    void onlyAdminGrantsAdmin(String text) {
        assertThat(new Scope(text).grants(Permission.admin())).isEqualTo(text.equals("admin"));
    }

    @Test
    void readScopeGrantsNothingButRead() {
        Scope read = new Scope("read");

        assertThat(GrantsTest.everyKindOfPermission().filter(read::grants)).containsExactly(Permission.read());
    }
}
