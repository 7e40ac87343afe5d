package dev.catapult.ui;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import dev.catapult.testing.browser.HeadlessChromium;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The artifact pages (list, artifact, file downloads) and the runtime instances page, in headless Chromium. */
@ExtendWith(HeadlessChromium.class)
class UiCataloguePagesTest extends ServerTest {

    @BeforeEach
    void seed() {
        UiSeeds.shopInDevAndProd(api);
        api.post("/api/v1/apps", map("name", "cart", "image", "127.0.0.1:5000/cart/api"));
        api.post(
                "/api/v1/apps/shop/releases",
                map("commit", sha(1), "image", digestRef(UiSeeds.REPO, 1), "changelog", "Not catalogued"));
        api.post(
                "/api/v1/apps/shop/releases",
                map("commit", sha(2), "image", UiSeeds.REPO + "@" + UiSeeds.INDEX, "changelog", "Multi-arch"));
        UiSeeds.catalogue(jdbc);
        UiSeeds.instances(jdbc);
    }

    @Test
    void anArtifactPageShowsLabelsPlatformsAndFilesWhoseLinksDownloadTheExactBytes(WebDriver browser) throws Exception {
        browser.get(url("/ui/apps/shop"));
        Browser.signInWithToken(browser, ADMIN_TOKEN);
        assertThat(browser.findElements(By.cssSelector("#release-1 a.artifact-link")))
                .as("v1's image is not catalogued")
                .isEmpty();
        Browser.click(browser, browser.findElement(By.id("artifact-2")));

        assertThat(browser.getCurrentUrl()).endsWith("/ui/artifacts/" + UiSeeds.INDEX);
        assertThat(Browser.heading(browser)).contains("shop/api");
        assertThat(browser.findElement(By.id("artifact-facts")).getText()).contains(UiSeeds.INDEX, "1.4.2");
        assertThat(browser.findElement(By.id("annotations")).getText())
                .contains("org.opencontainers.image.vendor", "Shop Ltd");
        List<WebElement> platforms = browser.findElements(By.cssSelector("#platforms tbody tr"));
        assertThat(platforms).hasSize(2);
        assertThat(platforms.get(1).getText()).contains("linux/arm64/v8", "not catalogued yet");
        assertThat(platforms.get(1).findElements(By.tagName("a"))).isEmpty();
        HeadlessChromium.screenshot(browser, "UiCataloguePagesTest.index");
        Browser.click(browser, platforms.get(0).findElement(By.tagName("a")));

        assertThat(browser.getCurrentUrl()).endsWith("/ui/artifacts/" + UiSeeds.IMAGE);
        String facts = browser.findElement(By.id("artifact-facts")).getText();
        assertThat(facts)
                .contains("linux/amd64", "shop", String.format("%040x", 2), "2026-03-01 10:00:00 UTC", "1.2 KiB");
        assertThat(browser.findElement(By.linkText("https://git.example/shop.git"))
                        .getAttribute("href"))
                .isEqualTo("https://git.example/shop.git");
        assertThat(browser.findElement(By.id("labels")).getText())
                .contains("maintainer", "<b>team shop</b>", "org.opencontainers.image.source");
        assertThat(browser.findElements(By.cssSelector("#layers tbody tr"))).hasSize(2);
        List<WebElement> files = browser.findElements(By.cssSelector("#files tbody tr"));
        assertThat(files)
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        html -> assertThat(html).startsWith("app/index.html"),
                        config -> assertThat(config)
                                .startsWith("etc/app/config.yaml")
                                .contains("9 B"));
        HeadlessChromium.screenshot(browser, "UiCataloguePagesTest.image");

        // The content link serves the exact bytes as a download, with the browser's session only.
        String href = files.get(1).findElement(By.linkText("Download")).getAttribute("href");
        HttpResponse<byte[]> download = fetch(href, Browser.sessionCookie(browser));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(UiSeeds.CONFIG_BYTES);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("config.yaml");
        assertThat(download.headers().firstValue("X-Content-Type-Options").orElseThrow())
                .isEqualTo("nosniff");
        HttpResponse<byte[]> html = fetch(
                files.get(0).findElement(By.linkText("Download")).getAttribute("href"), Browser.sessionCookie(browser));
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).isEqualTo(UiSeeds.HTML_FILE);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow())
                .as("never rendered as a page")
                .isEqualTo("application/octet-stream");
        assertThat(fetch(href, "JSESSIONID=not-a-session").statusCode())
                .as("no session, no content")
                .isEqualTo(302);

        Browser.click(browser, browser.findElement(By.id("parent-index")));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/artifacts/" + UiSeeds.INDEX);
    }

    @Test
    void theArtifactListIsReachableFromTheNavAndSearchesByRepositoryAndTag(WebDriver browser) {
        browser.get(url("/ui/login"));
        Browser.signInWithToken(browser, ADMIN_TOKEN);
        Browser.click(browser, browser.findElement(By.linkText("Artifacts")));
        assertThat(browser.findElements(By.cssSelector("#artifact-list tbody tr")))
                .hasSize(2);

        Browser.type(browser, "filter-tag", "1.4.2");
        Browser.click(browser, browser.findElement(By.xpath("//button[text()='Search']")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#artifact-list tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getText()).contains("shop/api", "1.4.2", "index (2 platforms)");
        HeadlessChromium.screenshot(browser, "UiCataloguePagesTest.artifact-list");

        Browser.type(browser, "filter-tag", "");
        Browser.type(browser, "filter-repository", "127.0.0.1:5000/cart/api");
        Browser.click(browser, browser.findElement(By.xpath("//button[text()='Search']")));
        assertThat(browser.findElement(By.cssSelector("main .empty")).getText()).isEqualTo("No matching artifacts.");
    }

    @Test
    void theInstancesPageListsWhatRunsAndFiltersByAppAndEnvironment(WebDriver browser) {
        browser.get(url("/ui/apps/shop"));
        Browser.signInWithToken(browser, ADMIN_TOKEN);
        Browser.click(browser, browser.findElement(By.id("app-instances")));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/instances?app=shop");
        List<WebElement> rows = browser.findElements(By.cssSelector("#instances tbody tr"));
        assertThat(rows)
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        running -> assertThat(running)
                                .contains("shop", "prod", "aaa111", "app", "1.4.2", "000000000000", "running"),
                        pending -> assertThat(pending).contains("dev", "bbb222", "pending", "→ running"),
                        stopped -> assertThat(stopped)
                                .contains("ccc333", "stopped", "Essential container in task exited"));
        assertThat(rows.get(0).findElement(By.cssSelector(".badge")).getAttribute("class"))
                .contains("instance-running");
        assertThat(rows.get(2).getAttribute("class")).contains("instance-stopped");
        HeadlessChromium.screenshot(browser, "UiCataloguePagesTest.instances");

        new Select(browser.findElement(By.id("filter-app"))).selectByVisibleText("All apps");
        new Select(browser.findElement(By.id("filter-environment"))).selectByVisibleText("dev");
        Browser.click(browser, browser.findElement(By.xpath("//button[text()='Filter']")));
        assertThat(browser.findElements(By.cssSelector("#instances tbody tr")))
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        shop -> assertThat(shop).contains("bbb222"),
                        cart -> assertThat(cart).contains("cart", "ddd444"));

        Browser.click(browser, browser.findElement(By.linkText("Instances")));
        assertThat(browser.findElements(By.cssSelector("#instances tbody tr"))).hasSize(4);
        // A catalogued image links to its artifact page.
        Browser.click(browser, browser.findElement(By.cssSelector("#instances a.digest-link")));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/artifacts/" + UiSeeds.IMAGE);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static HttpResponse<byte[]> fetch(String href, String cookie) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
