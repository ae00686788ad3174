package org.ecoledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.ecoledger.core.store.LedgerSchema;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The console in a real browser (headless Chromium) against the real application: sign-in by keyboard, search,
 * an official's page with its chart, the as-of picker, a promotion review whose flags lead to their entries,
 * incident tracing, appending an entry (the API's refusals shown next to the fields, then accepted), the
 * verification badge of a sound and of a tampered record, and phone width. A failing test leaves a screenshot in
 * target/browser-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path downloads;

    RunningLedger ledger;
    Api api;
    ConsoleFixture fixture;
    ChromeDriver driver;
    WebDriverWait wait;
    String base;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

    /** Why there is no browser here (each test is then skipped, saying so), or null. */
    String noBrowser;

    @BeforeAll
    void start() throws Exception {
        noBrowser = Browser.missing();
        if (noBrowser != null) {
            return;
        }
        ledger = RunningLedger.start(dataDir);
        base = ledger.baseUrl();
        api = new Api(ledger);
        fixture = new ConsoleFixture(api);
        fixture.create();
        driver = Browser.start(downloads);
        wait = new WebDriverWait(driver, WAIT);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(noBrowser == null, noBrowser);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    @DisplayName("登录: Tab reaches the labelled fields, Enter submits; a wrong password is said so; English on request")
    void signIn_byKeyboard() {
        signOut();
        driver.get(base + "/#/official/" + ConsoleFixture.ZHANG);
        waitFor(By.name("username"));
        assertThat(driver.getCurrentUrl()).as("a deep link asks to sign in first")
                                          .endsWith("#/signin?next=%23%2Fofficial%2F" + ConsoleFixture.ZHANG);
        assertThat(label("username")).isEqualTo("用户名 *");
        assertThat(label("password")).isEqualTo("密码 *");

        WebElement focused = tabUntil("username", 8);
        focused.sendKeys("organization");
        focused.sendKeys(Keys.TAB);
        WebElement password = driver.switchTo().activeElement();
        assertThat(password.getAttribute("name")).isEqualTo("password");
        password.sendKeys("wrong" + Keys.ENTER);
        assertThat(waitFor(By.cssSelector(".notice-error")).getText()).contains("用户名或密码不正确");
        assertThat(driver.getCurrentUrl()).contains("#/signin");

        WebElement again = driver.findElement(By.name("password"));
        again.clear();
        again.sendKeys("organization" + Keys.ENTER);
        WebElement nav = waitFor(By.cssSelector("nav.main-nav"));
        assertThat(nav.getText()).contains("干部检索", "事件追溯", "录入").doesNotContain("管理");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "张三 · " + ConsoleFixture.ZHANG));
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains("organization", "组织部门");

        driver.findElement(By.cssSelector(".lang-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav.main-nav"), "Search officials"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        driver.findElement(By.cssSelector(".lang-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav.main-nav"), "干部检索"));
        assertThat(missingTranslations()).as("keys named in one language only").isEmpty();
    }

    @Test
    @DisplayName("干部检索: by a part of the name, and by the place of a post")
    void search_byNameAndByPlace() {
        signIn("organization");
        go("#/search");
        type("query", "张");
        driver.findElement(By.name("query")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".search-results"));
        assertThat(column(".search-results a.official-link")).containsExactly("张三");
        assertThat(driver.findElement(By.cssSelector(".count")).getText()).isEqualTo("共 1 人");

        go("#/search");
        type("jurisdictionCode", ConsoleFixture.COUNTY);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".place-echo"), "海港区"));
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waitFor(By.cssSelector(".search-results"));
        assertThat(column(".search-results a.official-link")).containsExactly("李四", "赵六");

        driver.findElement(By.linkText("李四")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "李四 · li-si"));
    }

    @Test
    @DisplayName("干部档案: the duties chart has a bar pair per period with the numbers; the timeline filters by type")
    void officialPage_chartAndTimeline() {
        signIn("discipline");
        go("#/official/" + ConsoleFixture.ZHANG);
        WebElement chart = waitFor(By.cssSelector("figure.chart[data-rule='ART10_CITY_STANDING_COMMITTEE'] svg"));
        WebElement q2 = chart.findElement(By.cssSelector("g.period[data-period='2018-Q2']"));
        assertThat(q2.getAttribute("data-required")).isEqualTo("1");
        assertThat(q2.getAttribute("data-done")).isEqualTo("1");
        assertThat(q2.getAttribute("data-status")).isEqualTo("MET");
        assertThat(q2.findElements(By.cssSelector("rect"))).hasSize(2);
        assertThat(q2.findElements(By.cssSelector("text.bar-value")).stream().map(WebElement::getText))
                .containsExactly("1", "1");
        WebElement q3 = chart.findElement(By.cssSelector("g.period[data-period='2018-Q3']"));
        assertThat(q3.findElements(By.cssSelector("text.bar-value")).stream().map(WebElement::getText))
                .containsExactly("1", "0");
        assertThat(q3.getAttribute("data-status")).isEqualTo("MISSED");
        assertThat(chart.findElement(By.cssSelector("g.period[data-period='2018-Q1']")).getAttribute("data-status"))
                .as("the tenure began on 2 January: the first quarter is not owed").isEqualTo("NOT_OWED");
        assertThat(driver.findElement(By.cssSelector("figure.chart[data-rule='ART11_CITY_PRINCIPALS'] "
                + "g.period[data-period='2018-Q2']")).getAttribute("data-done")).isEqualTo("1");

        assertThat(sectionText("约谈")).contains("省生态环境保护委员会", "空气质量排名靠后");
        assertThat(sectionText("一票否决")).contains("发生较大环境污染事件");
        assertThat(sectionText("问责")).contains("qhd-jw-2019-017", "未结");

        List<WebElement> entries = driver.findElements(By.cssSelector("ol.timeline > li.entry"));
        assertThat(entries).hasSize(7);
        new Select(driver.findElement(By.cssSelector("select[name=type]"))).selectByValue("MEETING_HELD");
        assertThat(entries.stream().filter(WebElement::isDisplayed).map(e -> e.getAttribute("data-seq")))
                .containsExactly("2");
        new Select(driver.findElement(By.cssSelector("select[name=type]"))).selectByValue("");
        assertThat(entries.stream().filter(WebElement::isDisplayed)).hasSize(7);
        assertNoContentSecurityViolations();
    }

    @Test
    @DisplayName("查看截至: the record as recorded by a past moment, then as known now")
    void asOfPicker_changesWhatIsShown() {
        signIn("discipline");
        go("#/official/" + ConsoleFixture.ZHANG);
        waitFor(By.cssSelector("ol.timeline"));
        assertThat(sectionTitles()).contains("约谈", "问责");

        LocalDateTime boundary = fixture.boundaryInLedgerZone();
        setValue(driver.findElement(By.cssSelector("form.as-of input[name=asOf]")), boundary.toLocalDate().toString());
        type("at", boundary.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        WebElement main = driver.findElement(By.tagName("main"));
        driver.findElement(By.cssSelector("form.as-of button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(main));
        waitFor(By.cssSelector("ol.timeline"));
        assertThat(driver.findElement(By.cssSelector(".subtitle")).getText()).startsWith("截至 ");
        assertThat(sectionTitles()).doesNotContain("约谈", "问责").contains("一票否决");
        assertThat(driver.findElements(By.cssSelector("ol.timeline > li.entry"))).hasSize(5);
        assertThat(driver.getCurrentUrl()).contains("asOf=" + boundary.toLocalDate(), "at=");

        setValue(driver.findElement(By.cssSelector("form.as-of input[name=asOf]")), "2000-01-01");
        driver.findElement(By.name("at")).clear();
        main = driver.findElement(By.tagName("main"));
        driver.findElement(By.cssSelector("form.as-of button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(main));
        assertThat(waitFor(By.cssSelector(".official-body .notice-info")).getText())
                .isEqualTo("截至该时刻，此干部还没有任何记录。");

        main = driver.findElement(By.tagName("main"));
        driver.findElement(By.xpath("//form[contains(@class,'as-of')]//button[.='清除']")).click();
        wait.until(ExpectedConditions.stalenessOf(main));
        waitFor(By.cssSelector("ol.timeline"));
        assertThat(sectionTitles()).contains("约谈", "问责");
        assertThat(driver.findElements(By.cssSelector("ol.timeline > li.entry"))).hasSize(7);
    }

    @Test
    @DisplayName("提拔任用审查: a one-veto blocks; each flag links to the entries that prove it")
    void promotionReview_flagsLinkToTheirEntries() {
        signIn("organization");
        go("#/official/" + ConsoleFixture.ZHANG);
        waitFor(By.cssSelector(".post"));
        assertThat(driver.findElements(By.cssSelector("ol.timeline"))).as("ORGANIZATION reads no raw entries").isEmpty();
        driver.findElement(By.linkText("提拔任用审查")).click();
        WebElement date = waitFor(By.cssSelector("form input[name=on]"));
        waitFor(By.cssSelector(".verdict"));
        setValue(date, "2019-03-01");
        WebElement main = driver.findElement(By.tagName("main"));
        driver.findElement(By.cssSelector(".view form button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(main));
        WebElement verdict = waitFor(By.cssSelector(".verdict"));
        assertThat(verdict.getAttribute("data-eligible")).isEqualTo("false");
        assertThat(verdict.getText()).contains("不宜提拔任用");

        WebElement veto = driver.findElement(By.cssSelector("li.flag[data-code='ONE_VETO']"));
        assertThat(veto.getText()).contains("一票否决", "否决", "2018年度被一票否决");
        assertThat(driver.findElement(By.cssSelector("li.flag[data-code='RECENT_SUMMONS']")).getText()).contains("提示");
        assertThat(driver.findElement(By.cssSelector("li.flag[data-code='OPEN_ACCOUNTABILITY_CASE'] a.seq-link"))
                           .getAttribute("data-seq")).isEqualTo(String.valueOf(ConsoleFixture.REFERRAL));
        WebElement proof = veto.findElement(By.cssSelector("a.seq-link"));
        assertThat(proof.getText()).isEqualTo("第 " + ConsoleFixture.ONE_VETO + " 条");
        proof.click();

        WebElement target = waitFor(By.cssSelector(".seq-target"));
        assertThat(target.getText()).contains("发生较大环境污染事件", "秦皇岛市");
        assertThat(target.getAttribute("data-seqs").split(" ")).contains(String.valueOf(ConsoleFixture.ONE_VETO));
        assertThat(driver.switchTo().activeElement()).isEqualTo(target);
    }

    @Test
    @DisplayName("事件追溯: a township on a date → its party secretary, the county's and the city's leaders, by level")
    void incidentTracing_byLevel() {
        signIn("discipline");
        go("#/tracing");
        type("place", ConsoleFixture.TOWNSHIP);
        setValue(driver.findElement(By.name("on")), "2018-06-01");
        driver.findElement(By.cssSelector(".view form button[type=submit]")).click();
        waitFor(By.cssSelector(".level-group"));
        List<WebElement> groups = driver.findElements(By.cssSelector(".level-group"));
        assertThat(groups.stream().map(group -> group.getAttribute("data-level")))
                .containsExactly("TOWNSHIP", "COUNTY", "CITY");
        assertThat(groups.get(0).getText()).contains("乡镇（街道）级", "王五", "书记", "全面领导责任");
        assertThat(groups.get(1).findElements(By.cssSelector("a.official-link")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("李四", "赵六");
        assertThat(groups.get(2).getText()).contains("张三");

        setValue(driver.findElement(By.name("on")), "2019-07-01");
        WebElement main = driver.findElement(By.tagName("main"));
        driver.findElement(By.cssSelector(".view form button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(main));
        waitFor(By.cssSelector(".level-group"));
        assertThat(driver.findElements(By.cssSelector(".level-group")).stream().map(g -> g.getAttribute("data-level")))
                .as("王五 left the township on 2019-06-30").containsExactly("COUNTY", "CITY");
    }

    @Test
    @DisplayName("录入: the API's refusals appear next to their fields; the corrected entry is appended")
    void appendingAnEntry_errorsNextToFields_thenAccepted() {
        long before = api.get("auditor", "/api/v1/officials/" + ConsoleFixture.LI + "/entries").json().size();
        signIn("recorder");
        assertThat(driver.getCurrentUrl()).endsWith("#/record");
        go("#/record?official=" + ConsoleFixture.LI);
        new Select(waitFor(By.cssSelector("select[name=type]"))).selectByValue("MEETING_HELD");
        WebElement occurred = waitFor(By.name("occurredOn"));
        setValue(occurred, "2017-02-05");
        type("postId", "hg-county-head");
        new Select(driver.findElement(By.cssSelector("select[name=body]"))).selectByValue("GOVERNMENT_EXECUTIVE");
        submitEntry();
        assertThat(fieldError("topics")).isEqualTo("is required");
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("topics");
        assertThat(driver.findElement(By.cssSelector("textarea[name=topics]")).getAttribute("aria-invalid")).isEqualTo("true");

        type("topics", "研究农村污水治理");
        submitEntry();
        assertThat(fieldError("postId")).contains("did not hold this post on that date");
        assertThat(fieldError("topics")).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".form-status")).getText())
                .contains("409", "本人在该日期（期间）未担任该岗位", "POST_NOT_HELD_ON_DATE");

        setValue(driver.findElement(By.name("occurredOn")), "2018-02-05");
        submitEntry();
        WebElement receipt = waitFor(By.cssSelector(".receipt"));
        assertThat(receipt.getText()).contains("已记入第 " + before + " 条", "研究生态环保工作的会议");
        assertThat(fieldError("postId")).isEmpty();
        JsonNode stored = api.get("auditor", "/api/v1/officials/" + ConsoleFixture.LI + "/entries").json();
        assertThat(stored).hasSize((int) before + 1);
        JsonNode last = stored.get(stored.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("MEETING_HELD");
        assertThat(last.path("payload").path("topics").get(0).asText()).isEqualTo("研究农村污水治理");
        assertThat(last.path("payload").path("recordedBy").asText()).isEqualTo("recorder");
        assertThat(receipt.getText()).contains(last.path("hash").asText());
    }

    @Test
    @DisplayName("完整性校验: head hash, checkpoint and valid; a changed entry is named as the first bad one")
    void verificationBadge_validThenTampered() throws Exception {
        signIn("auditor");
        go("#/official/" + ConsoleFixture.ZHANG);
        WebElement badge = waitFor(By.cssSelector("section.badge"));
        JsonNode verification = api.get("auditor", "/api/v1/officials/" + ConsoleFixture.ZHANG + "/verification").json();
        assertThat(badge.getAttribute("data-valid")).isEqualTo("true");
        assertThat(badge.getText()).contains("校验通过", "7 条记录，算法 SHA-256", verification.path("headHash").asText());
        assertThat(badge.findElement(By.cssSelector(".badge-checkpoint")).getText())
                .startsWith("检查点: ledger.local/eco-accountability，共 ");
        assertThat(driver.findElements(By.cssSelector(".dossier, .post"))).as("AUDITOR reads no dossier").isEmpty();

        driver.findElement(By.xpath("//button[contains(., '证据包')]")).click();
        Path bundle = downloads.resolve(ConsoleFixture.ZHANG + "-evidence.json");
        new WebDriverWait(driver, WAIT).until(d -> Files.exists(bundle));
        JsonNode evidence = Api.JSON.readTree(bundle.toFile());
        assertThat(evidence.path("entries")).hasSize(7);
        assertThat(waitFor(By.cssSelector(".download-status")).getText()).contains(ConsoleFixture.ZHANG + "-evidence.json");

        ledger.bean(MongoDatabase.class).getCollection(LedgerSchema.EVENTS, BsonDocument.class)
              .updateOne(Filters.eq("ak", "official/" + ConsoleFixture.ZHAO + "#" + ConsoleFixture.TAMPERED),
                         Updates.set("events.0.payload.location", "改过的地点"));
        go("#/official/" + ConsoleFixture.ZHAO);
        WebElement bad = waitFor(By.cssSelector("section.badge"));
        assertThat(bad.getAttribute("data-valid")).isEqualTo("false");
        assertThat(bad.getText()).contains("校验失败", "第一条有问题的记录：第 " + ConsoleFixture.TAMPERED + " 条");
        bad.findElement(By.cssSelector("a.jump")).click();
        WebElement entry = driver.switchTo().activeElement();
        assertThat(entry.getAttribute("id")).isEqualTo("entry-" + ConsoleFixture.TAMPERED);
        assertThat(entry.getText()).contains("改过的地点");
    }

    @Test
    @DisplayName("手机宽度 390×844: no page scrolls sideways")
    void phoneWidth_noHorizontalOverflow() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                                 Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            signOut();
            assertNoHorizontalOverflow("#/signin");
            signIn("discipline");
            check("#/search?q=" + ConsoleFixture.encoded("张"), ".search-results");
            check("#/official/" + ConsoleFixture.ZHANG, "ol.timeline");
            check("#/review/" + ConsoleFixture.ZHANG + "?on=2019-03-01", ".flags");
            check("#/tracing?place=" + ConsoleFixture.TOWNSHIP + "&on=2018-06-01", ".level-group");
            check("#/record?official=" + ConsoleFixture.ZHANG + "&type=ACCOUNTABILITY_DECIDED", "select[name=outcome]");
            signIn("admin");
            check("#/admin", "form");
            check("#/admin/rule-sets", "textarea");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    // ------------------------------------------------------------------ helpers

    private void check(String hash, String ready) {
        go(hash);
        waitFor(By.cssSelector(ready));
        assertNoHorizontalOverflow(hash);
    }

    private void assertNoHorizontalOverflow(String page) {
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) driver.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(widths.get(0).intValue()).as("%s: page width vs the phone's %s", page, widths.get(1))
                                            .isLessThanOrEqualTo(widths.get(1).intValue());
    }

    /** Signs in through the form (a fresh tab session), landing on the user's first page. */
    private void signIn(String user) {
        signOut();
        type("username", user);
        type("password", user);
        driver.findElement(By.name("password")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".who"));
        wait.until(d -> !d.getCurrentUrl().endsWith("#/signin") && !d.findElements(By.tagName("h1")).isEmpty());
    }

    /** A fresh start on the sign-in page: nothing kept from an earlier test (no session, no language). */
    private void signOut() {
        driver.get(base + "/");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get(base + "/index.html#/signin");
        waitFor(By.name("username"));
    }

    /** Goes to a page of the console and waits until the previous page is gone. */
    private void go(String hash) {
        List<WebElement> old = driver.findElements(By.tagName("main"));
        String target = base + "/" + hash;
        if (driver.getCurrentUrl().equals(target)) {
            driver.navigate().refresh();
        } else {
            driver.get(target);
        }
        if (!old.isEmpty()) {
            wait.until(ExpectedConditions.stalenessOf(old.get(0)));
        }
        waitFor(By.tagName("h1"));
    }

    private WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void type(String name, String text) {
        WebElement input = waitFor(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a native date input as its picker would (typing into one depends on the browser's locale). */
    private void setValue(WebElement input, String value) {
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    private String label(String name) {
        String id = driver.findElement(By.name(name)).getAttribute("id");
        return driver.findElement(By.cssSelector("label[for='" + id + "']")).getText();
    }

    private WebElement tabUntil(String name, int most) {
        for (int i = 0; i < most; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            if (name.equals(focused.getAttribute("name"))) {
                return focused;
            }
        }
        throw new AssertionError("the field " + name + " was not reached with " + most + " Tabs");
    }

    private void submitEntry() {
        WebElement status = driver.findElement(By.cssSelector(".form-status"));
        String before = status.getText();
        driver.findElement(By.cssSelector("form .actions button[type=submit]")).click();
        wait.until(d -> {
            String now = d.findElement(By.cssSelector(".form-status")).getText();
            return !now.isEmpty() && !now.equals(before)
                    && d.findElement(By.cssSelector("form .actions button[type=submit]")).isEnabled();
        });
    }

    private String fieldError(String name) {
        return driver.findElement(By.cssSelector("[data-field='" + name + "'] .field-error")).getText();
    }

    private List<String> column(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private List<String> sectionTitles() {
        return column("section.panel > h2");
    }

    private String sectionText(String title) {
        return driver.findElement(By.xpath("//section[h2[normalize-space(.)='" + title + "']]")).getText();
    }

    /** Both languages name the same texts and codes (checked in the page's own module). */
    @SuppressWarnings("unchecked")
    private List<String> missingTranslations() {
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('./console/i18n.js').then(({DICTIONARIES: {TEXT, CODES}}) => {"
                        + "  const missing = [];"
                        + "  const compare = (a, b, where) => {"
                        + "    for (const k of Object.keys(a)) if (!(k in b)) missing.push(where + k);"
                        + "    for (const k of Object.keys(b)) if (!(k in a)) missing.push(where + k);"
                        + "  };"
                        + "  compare(TEXT.zh, TEXT.en, 'text:');"
                        + "  compare(CODES.zh, CODES.en, 'codes:');"
                        + "  for (const kind of Object.keys(CODES.zh)) compare(CODES.zh[kind], CODES.en[kind] || {}, kind + ':');"
                        + "  done(missing);"
                        + "}, (e) => done(['import failed: ' + e]));");
    }

    /**
     * Whether the browser reported no Content-Security-Policy violation. A probe written to the console first shows
     * that the browser's log is being read at all.
     */
    private void assertNoContentSecurityViolations() {
        driver.executeScript("console.error('csp-probe')");
        List<String> messages = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                                      .map(LogEntry::getMessage).toList();
        assertThat(messages).anyMatch(message -> message.contains("csp-probe"));
        assertThat(messages).noneMatch(message -> message.contains("Content Security Policy")
                || message.contains("Refused to"));
    }
}
