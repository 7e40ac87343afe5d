package dev.catapult.testing.browser;

import dev.catapult.testkit.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * JUnit extension: a fresh headless Chromium (Debian's {@code chromium} + {@code chromedriver}, paths given
 * explicitly so Selenium Manager never downloads anything) per test, injected as a {@link WebDriver}
 * parameter. The page is saved to {@code target/ui-screenshots/<Class>.<test>.png} after every test, and
 * also as {@code …-FAILED.png} when the test failed. Missing programs skip the test, or fail it in CI.
 */
public final class HeadlessChromium
        implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HeadlessChromium.class);
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path chromium = Programs.require("chromium", "chromium");
        Path chromedriver = Programs.require("chromedriver", "chromium-driver");
        Path profile = Files.createTempDirectory("catapult-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // As root and on a closed network: no sandbox, and nothing that phones home at start.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        ExtensionContext.Store store = context.getStore(NS);
        store.put("driver", driver);
        store.put("profile", profile);
    }

    /** Saves the current page as {@code target/ui-screenshots/<name>.png} (for a look at a page mid-flow). */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        WebDriver driver = context.getStore(NS).get("driver", WebDriver.class);
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if (context.getExecutionException().isPresent()) {
                Files.copy(shot, SCREENSHOTS.resolve(name + "-FAILED.png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(SCREENSHOTS.resolve(name + "-FAILED.html"), driver.getPageSource());
            }
        } catch (IOException | RuntimeException e) {
            // A screenshot is evidence, not the test: never hide the test's own outcome behind it.
            System.err.println("could not save a screenshot for " + name + ": " + e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NS);
        WebDriver driver = store.remove("driver", WebDriver.class);
        if (driver != null) {
            driver.quit();
        }
        Path profile = store.remove("profile", Path.class);
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // Chromium may still be writing its profile while it exits; the temp dir is cleaned by the OS.
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().equals(WebDriver.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get("driver", WebDriver.class);
    }
}
