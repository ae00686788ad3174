package org.ecoledger.api.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded (Selenium Manager is never
 * asked, since the driver and the browser are named). Without them the browser tests are skipped with a message,
 * unless {@code LEDGER_BROWSER_TESTS=required} (as {@code .ci/run} sets), which makes them fail instead.
 */
final class Browser {

    /** The browser, {@code -Dledger.chromium=…} to use another. */
    static final Path CHROMIUM = Path.of(System.getProperty("ledger.chromium", "/usr/bin/chromium"));
    /** Its driver, {@code -Dwebdriver.chrome.driver=…} to use another. */
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    /** The environment variable that turns a missing browser from a skip into a failure. */
    static final String REQUIRED = "LEDGER_BROWSER_TESTS";

    private Browser() {
    }

    /**
     * Why the browser tests cannot run here, or {@code null} when they can; fails at once when the environment
     * requires them ({@code LEDGER_BROWSER_TESTS=required}).
     */
    static String missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        String message = "The console's browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
                + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if ("required".equals(String.valueOf(System.getenv(REQUIRED)).toLowerCase(Locale.ROOT))) {
            fail(message + " (" + REQUIRED + "=required)");
        }
        return message + ". Skipped; set " + REQUIRED + "=required to fail instead.";
    }

    /** A fresh headless browser with its own profile, saving downloads into {@code downloads}. */
    static ChromeDriver start(Path downloads) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,800",
                             "--user-data-dir=" + Files.createTempDirectory("ledger-chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                                                      "download.prompt_for_download", false,
                                                      "intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                                                                       .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
