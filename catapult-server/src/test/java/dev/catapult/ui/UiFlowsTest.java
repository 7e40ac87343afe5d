package dev.catapult.ui;

import static dev.catapult.testing.Api.map;
import static dev.catapult.ui.UiSeeds.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.access.TotpCodes;
import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testing.browser.HeadlessChromium;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** End-to-end flows of the web UI in headless Chromium against the real server. */
@ExtendWith(HeadlessChromium.class)
class UiFlowsTest extends ServerTest {

    @BeforeEach
    void shop() {
        UiSeeds.shopInDevAndProd(api);
        api.post(
                "/api/v1/apps/shop/releases",
                map("commit", sha(1), "image", digestRef(REPO, 1), "changelog", "First cut of the checkout"));
        api.post(
                "/api/v1/apps/shop/releases",
                map("commit", sha(2), "image", digestRef(REPO, 2), "changelog", "Faster basket <script>"));
        api.put(
                "/api/v1/apps/shop/targets/dev",
                map("deployer", map("type", "record"), "watch", map("policy", "semver", "autoDeploy", false)));
    }

    @Test
    void signingInWithATokenShowsTheLiveStatusMatrix(WebDriver browser) {
        awaitDeploy(
                api.post("/api/v1/apps/shop/deploys", map("environment", "dev", "version", 1))
                        .json()
                        .get("id")
                        .asString(),
                "succeeded");
        browser.get(url("/ui"));
        assertThat(browser.getCurrentUrl()).contains("/ui/login");
        signIn(browser, "cat_not-a-real-token");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("unknown, expired or revoked");

        signIn(browser, ADMIN_TOKEN);
        assertThat(cellText(browser, "shop", "dev")).contains("v1", "succeeded", "1 behind");
        String devClass = cellRead(browser, "shop", "dev", c -> c.getAttribute("class"));
        assertThat(devClass).contains("status-succeeded");
        assertThat(cellText(browser, "shop", "prod")).contains("never deployed");

        // The matrix refreshes itself: a deploy made elsewhere shows up without a reload.
        awaitDeploy(
                api.post("/api/v1/apps/shop/deploys", map("environment", "prod", "version", 2))
                        .json()
                        .get("id")
                        .asString(),
                "succeeded");
        new WebDriverWait(browser, Duration.ofSeconds(25))
                .until(b -> cellText(b, "shop", "prod").contains("v2"));
        HeadlessChromium.screenshot(browser, "UiFlowsTest.dashboard");

        click(browser, browser.findElement(By.xpath("//button[text()='Sign out']")));
        assertThat(browser.getCurrentUrl()).contains("/ui/login");
        browser.get(url("/ui/audit"));
        assertThat(browser.getCurrentUrl()).contains("/ui/login");
    }

    @Test
    void deployAndRollBackFromTheAppPageAfterConfirming(WebDriver browser) {
        browser.get(url("/ui/apps/shop"));
        signIn(browser, ADMIN_TOKEN);
        assertThat(browser.getCurrentUrl()).endsWith("/ui/apps/shop");
        assertThat(browser.findElement(By.id("release-2")).getText()).contains("Faster basket <script>");
        assertThat(browser.findElement(By.id("release-1")).getText()).contains("First cut of the checkout");

        new Select(browser.findElement(By.id("version-dev"))).selectByVisibleText("v1");
        click(browser, browser.findElement(By.id("deploy-dev")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Deploy shop to dev");
        // Two submits in a row (a double click): the form goes once.
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const f = document.querySelector('form[data-once]'); f.requestSubmit(); f.requestSubmit();");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/ui/apps/shop$"));
        assertThat(notice(browser)).contains("Deploy of v1 to dev requested");
        assertThat(api.get("/api/v1/apps/shop/deploys").json().get("items")).hasSize(1);
        awaitStatus(browser, "dev", "succeeded");

        new Select(browser.findElement(By.id("version-dev"))).selectByVisibleText("v2");
        click(browser, browser.findElement(By.id("deploy-dev")));
        click(browser, browser.findElement(By.id("confirm")));
        awaitStatus(browser, "dev", "succeeded", "v2");

        click(browser, browser.findElement(By.id("rollback-dev")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Roll back shop in dev");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("from v2 to v1");
        click(browser, browser.findElement(By.id("confirm")));
        assertThat(notice(browser)).contains("Rollback of v1 to dev requested");
        awaitStatus(browser, "dev", "succeeded", "v1");
        WebElement newest = browser.findElement(By.cssSelector("#deploy-history tbody tr"));
        assertThat(newest.getText()).contains("dev", "v1", "rollback", "from v2", "admin");
        assertThat(browser.findElements(By.cssSelector("#deploy-history tbody tr")))
                .hasSize(3);
        HeadlessChromium.screenshot(browser, "UiFlowsTest.app-page-after-rollback");

        // The audit log shows the rollback request, filtered by action.
        click(browser, browser.findElement(By.linkText("Audit log")));
        browser.findElement(By.id("filter-action")).sendKeys("deploy.requested");
        click(browser, browser.findElement(By.xpath("//button[text()='Filter']")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-events tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().getText())
                .contains("admin", "deploy.requested", "app/shop/env/dev", "rollback=true");
    }

    @Test
    void autoDeployIsToggledOnlyAfterConfirmingAndIsAudited(WebDriver browser) {
        browser.get(url("/ui/apps/shop"));
        signIn(browser, ADMIN_TOKEN);
        WebElement dev = browser.findElement(By.id("env-dev"));
        assertThat(dev.findElement(By.cssSelector(".badge.off")).getText()).isEqualTo("off");
        assertThat(browser.findElement(By.id("env-prod")).getText()).contains("not watched");

        click(browser, browser.findElement(By.id("auto-deploy-dev")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Turn on auto-deploy for shop in dev");
        click(browser, browser.findElement(By.linkText("Cancel")));
        assertThat(autoDeploy()).isFalse();

        click(browser, browser.findElement(By.id("auto-deploy-dev")));
        click(browser, browser.findElement(By.id("confirm")));
        assertThat(notice(browser)).contains("Auto-deploy for dev is now on");
        assertThat(browser.findElement(By.id("env-dev"))
                        .findElement(By.cssSelector(".badge.on"))
                        .getText())
                .isEqualTo("on");
        assertThat(autoDeploy()).isTrue();

        browser.get(url("/ui/audit?subject=app/shop/env/dev"));
        WebElement newest = browser.findElement(By.cssSelector("#audit-events tbody tr"));
        assertThat(newest.getText()).contains("admin", "watch.updated", "app/shop/env/dev", "autoDeploy=true");
        // Links in the log filter by that value.
        click(browser, newest.findElement(By.linkText("watch.updated")));
        assertThat(browser.findElement(By.id("filter-action")).getAttribute("value"))
                .isEqualTo("watch.updated");
        assertThat(browser.findElements(By.cssSelector("#audit-events tbody tr")))
                .hasSize(1);
    }

    @Test
    void signingInWithAPasswordAsksAnEnrolledUserForTheCodeThenShowsTheDashboard(WebDriver browser) {
        String id = api.post(
                        "/api/v1/principals", map("name", "bob", "kind", "user", "password", "bob's long password"))
                .json()
                .get("id")
                .asString();
        Api.Response t = api.post(
                "/api/v1/principals/" + id + "/tokens", map("name", "laptop", "scopes", List.of("deploy:shop:*")));
        Api bob = api.as(t.json().get("secret").asString());
        String secret = bob.post("/api/v1/principals/" + id + "/totp", map())
                .json()
                .get("secret")
                .asString();
        bob.post(
                "/api/v1/principals/" + id + "/totp",
                map("code", TotpCodes.at(secret, Instant.now().minusSeconds(30))));

        browser.get(url("/ui/apps/shop"));
        assertThat(browser.findElement(By.id("password-h")).getText()).isEqualTo("With your password");
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("the name field has the focus")
                .isEqualTo("name");
        Browser.signInWithPassword(browser, "bob", "not bob's password", "");
        assertThat(Browser.alert(browser)).isEqualTo("Wrong name or password.");

        Browser.signInWithPassword(browser, "bob", "bob's long password", "");
        assertThat(Browser.alert(browser))
                .contains("This account uses a TOTP code: enter your password again and the current code");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("bob");
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("the password (to type again) has the focus")
                .isEqualTo("password");
        HeadlessChromium.screenshot(browser, "UiFlowsTest.login-code-required");

        String wrong = TotpCodes.at(secret, Instant.now()).equals("000000") ? "111111" : "000000";
        Browser.signInWithPassword(browser, "bob", "bob's long password", wrong);
        assertThat(Browser.alert(browser)).isEqualTo("The TOTP code is wrong or was already used.");

        Browser.signInWithPassword(browser, "bob", "bob's long password", TotpCodes.at(secret, Instant.now()));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/apps/shop");
        assertThat(browser.findElement(By.cssSelector(".top .who")).getText()).isEqualTo("bob");
        assertThat(browser.findElement(By.id("deploy-dev")).isDisplayed())
                .as("bob's token scopes apply to his session")
                .isTrue();
        click(browser, browser.findElement(By.linkText("Dashboard")));
        assertThat(cellText(browser, "shop", "dev")).contains("never deployed");
    }

    @Test
    void repeatedWrongPasswordsLockTheLoginForAWhile(WebDriver browser) {
        api.post("/api/v1/principals", map("name", "carol", "kind", "user", "password", "carol's long password"));
        browser.get(url("/ui/login"));
        for (int i = 1; i <= 5; i++) {
            Browser.signInWithPassword(browser, "carol", "guess number " + i, "");
            assertThat(Browser.alert(browser)).isEqualTo("Wrong name or password.");
        }
        Browser.signInWithPassword(browser, "carol", "carol's long password", "");
        assertThat(Browser.alert(browser)).startsWith("Too many failed sign-ins for this name; try again after");
        assertThat(browser.getCurrentUrl()).contains("/ui/login");
        HeadlessChromium.screenshot(browser, "UiFlowsTest.login-locked");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void signIn(WebDriver browser, String token) {
        Browser.signInWithToken(browser, token);
    }

    private static void click(WebDriver browser, WebElement element) {
        Browser.click(browser, element);
    }

    private static String notice(WebDriver browser) {
        return Browser.notice(browser);
    }

    private static String cellText(WebDriver browser, String app, String env) {
        return cellRead(browser, app, env, WebElement::getText);
    }

    /**
     * Reads the matrix cell of {@code app} in {@code env}. The matrix refreshes itself and replaces its cells, so a
     * cell found a moment ago may be gone: find it again until one read succeeds.
     */
    private static <T> T cellRead(WebDriver browser, String app, String env, Function<WebElement, T> read) {
        By cell = By.cssSelector("td[data-app='" + app + "'][data-env='" + env + "']");
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(b -> read.apply(b.findElement(cell)));
    }

    /** Reloads the app page until the environment's latest deploy has {@code status} (and shows {@code version}). */
    private static void awaitStatus(WebDriver browser, String env, String status, String... version) {
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(250)).until(b -> {
            b.navigate().refresh();
            String row = b.findElement(By.id("env-" + env)).getText();
            return row.contains(status) && (version.length == 0 || row.contains(version[0]));
        });
    }

    private boolean autoDeploy() {
        return api.get("/api/v1/apps/shop/targets/dev")
                .json()
                .get("watch")
                .get("autoDeploy")
                .asBoolean();
    }

    private void awaitDeploy(String id, String status) {
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)) {
            JsonNode d = api.get("/api/v1/deploys/" + id).json();
            if (d.get("status").asString().equals(status)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("deploy " + id + " did not become " + status);
    }
}
