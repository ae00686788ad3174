package org.ecoledger.api.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Saves what the browser showed when a test failed: {@code target/browser-screenshots/<class>.<test>.png}, with the
 * page's DOM beside it ({@code .html}) and its address.
 */
final class ScreenshotOnFailure implements TestWatcher {

    static final Path DIRECTORY = Path.of("target", "browser-screenshots");

    private final Supplier<WebDriver> driver;

    ScreenshotOnFailure(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        WebDriver browser = driver.get();
        if (browser == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(DIRECTORY);
            Path png = DIRECTORY.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(DIRECTORY.resolve(name + ".html"), "<!-- " + browser.getCurrentUrl() + " -->\n"
                    + browser.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Browser screenshot of the failed test: " + png.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save a screenshot of " + name + ": " + e);
        }
    }
}
