/** Headless Chromium for UI tests, driven by Selenium through Debian's chromedriver. */
package dev.catapult.testing.browser;
