package dev.catapult.ui;

import static dev.catapult.testing.Api.map;
import static dev.catapult.ui.UiSeeds.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import dev.catapult.testing.browser.HeadlessChromium;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** The app page's watch controls (pin, hold, release) and promote, each through its confirmation page. */
@ExtendWith(HeadlessChromium.class)
class UiWatchControlsTest extends ServerTest {

    @BeforeEach
    void shop() {
        UiSeeds.shopInDevAndProd(api);
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", digestRef(REPO, 1)));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(2), "image", digestRef(REPO, 2)));
        api.put(
                "/api/v1/apps/shop/targets/dev",
                map("deployer", map("type", "record"), "watch", map("policy", "semver-minor", "autoDeploy", false)));
        api.put("/api/v1/apps/shop/targets/prod", map("deployer", map("type", "record")));
    }

    @Test
    void pinningATagAndUnpinningItGoThroughTheConfirmationPageAndAreAudited(WebDriver browser) {
        signIn(browser);
        assertThat(browser.findElement(By.id("policy-dev")).getText()).contains("semver-minor");
        assertThat(browser.findElements(By.id("pin-prod")))
                .as("prod is not watched: nothing to pin")
                .isEmpty();

        Browser.type(browser, "pin-tag-dev", "1.4");
        Browser.click(browser, browser.findElement(By.id("pin-dev")));
        assertThat(Browser.heading(browser)).isEqualTo("Pin shop in dev to the tag 1.4");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText())
                .contains("instead of semver-minor", "auto-deploy is off");
        Browser.click(browser, browser.findElement(By.linkText("Cancel")));
        assertThat(watch("dev").get("policy").asString()).isEqualTo("semver-minor");

        Browser.type(browser, "pin-tag-dev", "1.4");
        Browser.click(browser, browser.findElement(By.id("pin-dev")));
        doubleSubmit(browser);
        assertThat(Browser.notice(browser)).isEqualTo("dev now follows the tag '1.4'.");
        assertThat(browser.findElement(By.id("pinned-dev")).getText()).isEqualTo("1.4");
        assertThat(browser.findElement(By.id("policy-dev")).getText()).contains("pinned");
        assertThat(watch("dev").get("policy").asString()).isEqualTo("pinned");
        assertThat(watch("dev").get("pinnedTag").asString()).isEqualTo("1.4");
        HeadlessChromium.screenshot(browser, "UiWatchControlsTest.pinned");

        Browser.click(browser, browser.findElement(By.id("unpin-dev")));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText())
                .contains("the tag '1.4'", "policy semver");
        Browser.click(browser, browser.findElement(By.id("confirm")));
        assertThat(Browser.notice(browser)).isEqualTo("dev follows versioned tags again.");
        assertThat(browser.findElements(By.id("pinned-dev"))).isEmpty();
        assertThat(watch("dev").get("policy").asString()).isEqualTo("semver");
        assertThat(watch("dev").has("pinnedTag")).isFalse();

        List<WebElement> events = audit(browser, "watch.updated");
        assertThat(events)
                .as("one event per confirmed command, none for the cancel or the double submit")
                .hasSize(2);
        assertThat(events.get(1).getText()).contains("admin", "app/shop/env/dev", "policy=pinned", "pinnedTag=1.4");
        assertThat(events.get(0).getText()).contains("policy=semver");
    }

    @Test
    void holdingAutomationWithAReasonAndReleasingTheHold(WebDriver browser) {
        signIn(browser);
        Browser.click(browser, browser.findElement(By.id("hold-dev-start")));
        assertThat(Browser.heading(browser)).isEqualTo("Hold automation for shop in dev");
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("the reason field has the focus")
                .isEqualTo("reason");
        assertThat(browser.findElement(By.cssSelector("label[for=until]")).getText())
                .isEqualTo("Until (UTC, optional)");
        browser.findElement(By.id("reason")).sendKeys("incident 42 <b>");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('until').value = '2030-01-02T03:04';");
        doubleSubmit(browser);
        assertThat(Browser.notice(browser)).isEqualTo("Automation for dev is held until 2030-01-02 03:04:00 UTC.");
        assertThat(browser.findElement(By.id("hold-dev")).getText())
                .contains("held", "incident 42 <b>", "until 2030-01-02 03:04:00 UTC", "by admin");
        JsonNode hold = watch("dev").get("hold");
        assertThat(hold.get("reason").asString()).isEqualTo("incident 42 <b>");
        assertThat(Instant.parse(hold.get("until").asString())).isEqualTo(Instant.parse("2030-01-02T03:04:00Z"));
        HeadlessChromium.screenshot(browser, "UiWatchControlsTest.held");

        Browser.click(browser, browser.findElement(By.id("release-hold-dev")));
        assertThat(Browser.heading(browser)).isEqualTo("Release the hold on shop in dev");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("incident 42 <b>", "by admin");
        Browser.click(browser, browser.findElement(By.id("confirm")));
        assertThat(Browser.notice(browser)).isEqualTo("The hold on dev is released.");
        assertThat(browser.findElement(By.id("hold-dev")).getText()).doesNotContain("held");
        assertThat(browser.findElement(By.id("hold-dev-start")).isDisplayed()).isTrue();
        assertThat(watch("dev").has("hold")).isFalse();

        assertThat(audit(browser, "watch.held"))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .contains("app/shop/env/dev", "reason=incident 42 <b>", "until=2030-01-02T03:04:00Z");
        assertThat(audit(browser, "watch.hold.released"))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .contains("admin", "app/shop/env/dev");
    }

    @Test
    void promotingRunsWhatRunsInTheLowerEnvironmentAfterConfirming(WebDriver browser) {
        String id = api.post("/api/v1/apps/shop/deploys", map("environment", "dev", "version", 2))
                .json()
                .get("id")
                .asString();
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100))
                .until(b -> api.get("/api/v1/deploys/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals("succeeded"));
        signIn(browser);
        assertThat(new Select(browser.findElement(By.id("promote-from")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("dev");
        assertThat(new Select(browser.findElement(By.id("promote-to")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("prod");
        Browser.click(browser, browser.findElement(By.id("promote")));
        assertThat(Browser.heading(browser)).isEqualTo("Promote shop from dev to prod");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText())
                .isEqualTo("Deploy v2 (what runs in dev) to prod.");
        HeadlessChromium.screenshot(browser, "UiWatchControlsTest.promote-confirm");
        doubleSubmit(browser);
        assertThat(Browser.notice(browser)).startsWith("Promotion of v2 from dev to prod requested");
        JsonNode prod =
                api.get("/api/v1/apps/shop/deploys?environment=prod").json().get("items");
        assertThat(prod).hasSize(1);
        assertThat(prod.get(0).get("version").asLong()).isEqualTo(2);
        assertThat(prod.get(0).get("reason").asString()).isEqualTo("promotion");

        List<WebElement> events = audit(browser, "deploy.requested");
        assertThat(events).hasSize(2);
        assertThat(events.getFirst().getText()).contains("admin", "app/shop/env/prod", "reason=promotion", "version=2");
    }

    private void signIn(WebDriver browser) {
        browser.get("http://127.0.0.1:" + port + "/ui/apps/shop");
        Browser.signInWithToken(browser, ADMIN_TOKEN);
    }

    /** Confirms with two submits in a row (a double click): only one request may go. */
    private static void doubleSubmit(WebDriver browser) {
        String confirmPage = browser.getCurrentUrl();
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const f = document.querySelector('form[data-once]'); f.requestSubmit(); f.requestSubmit();");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlToBe(confirmPage)));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/ui/apps/shop$"));
    }

    private JsonNode watch(String env) {
        return api.get("/api/v1/apps/shop/targets/" + env).json().get("watch");
    }

    /** The audit page filtered by action, as a user gets there from the nav. */
    private static List<WebElement> audit(WebDriver browser, String action) {
        Browser.click(browser, browser.findElement(By.linkText("Audit log")));
        Browser.type(browser, "filter-action", action);
        Browser.click(browser, browser.findElement(By.xpath("//button[text()='Filter']")));
        return browser.findElements(By.cssSelector("#audit-events tbody tr"));
    }
}
