package dev.catapult.ui;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do over and over: sign in, click and wait for the next page, read the notice. */
final class Browser {
    private Browser() {}

    static void signInWithToken(WebDriver browser, String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        click(browser, browser.findElement(By.id("token-sign-in")));
    }

    static void signInWithPassword(WebDriver browser, String name, String password, String otp) {
        type(browser, "name", name);
        type(browser, "password", password);
        type(browser, "otp", otp);
        click(browser, browser.findElement(By.id("password-sign-in")));
    }

    static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the next page, so assertions never read the page being left. */
    static void click(WebDriver browser, WebElement element) {
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> isDetached(element));
    }

    /**
     * Whether the element left the document. Chrome reports a node caught mid-navigation either as stale or as
     * "does not belong to the document"; both mean the page was left.
     */
    static boolean isDetached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static String notice(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")))
                .getText();
    }

    static String alert(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")))
                .getText();
    }

    static String heading(WebDriver browser) {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** The browser's session cookie, for fetching what a link points at with the same session. */
    static String sessionCookie(WebDriver browser) {
        Cookie c = browser.manage().getCookieNamed("JSESSIONID");
        if (c == null) {
            throw new AssertionError("the browser has no session cookie");
        }
        return c.getName() + "=" + c.getValue();
    }
}
