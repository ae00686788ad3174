package org.ecoledger.api.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.object;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's security headers, the Basic challenge a page's script never gets, the refusal of cross-site
 * requests (the CSRF defence), and that the console's files run no inline script and build no markup from strings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserProtectionsTest {

    @TempDir
    static Path dataDir;

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDir);
        api = new Api(ledger);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SecurityHeaders {

        @Test
        void theConsolePage_isServedAtTheRoot_withItsPolicy_noSniffing_andNoFraming() {
            Api.Answer page = api.get(null, "/").expect(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.text()).contains("<div id=\"app\">", "console/app.js");
            assertBrowserHeaders(page, BrowserProtections.CONSOLE_POLICY);
            assertThat(page.header("Content-Security-Policy"))
                    .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }

        @Test
        void theConsoleScriptsAndStyles_areServedWithTheirTypes_andTheHeaders() {
            Api.Answer script = api.get(null, "/console/app.js").expect(200);
            assertThat(script.header("Content-Type")).matches("(text|application)/javascript.*");
            assertBrowserHeaders(script, BrowserProtections.CONSOLE_POLICY);
            Api.Answer style = api.get(null, "/console/console.css").expect(200);
            assertThat(style.header("Content-Type")).startsWith("text/css");
            assertBrowserHeaders(style, BrowserProtections.CONSOLE_POLICY);
        }

        @Test
        void apiAnswers_andProblems_carryTheHeadersToo() {
            assertBrowserHeaders(api.get("recorder", "/api/v1/me").expect(200), BrowserProtections.CONSOLE_POLICY);
            assertBrowserHeaders(api.get(null, "/api/v1/me").expect(401), BrowserProtections.CONSOLE_POLICY);
        }

        @Test
        void swaggerUi_getsItsOwnPolicy_stillNeverFramed() {
            Api.Answer swagger = api.get(null, "/swagger-ui/index.html").expect(200);
            assertBrowserHeaders(swagger, BrowserProtections.SWAGGER_UI_POLICY);
        }

        private void assertBrowserHeaders(Api.Answer answer, String policy) {
            assertThat(answer.header("Content-Security-Policy")).isEqualTo(policy);
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).contains("no-store");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SignIn {

        @Test
        void me_namesTheCallerAndTheirRoles_andTheLedgersZone() {
            JsonNode me = api.get("discipline", "/api/v1/me").expect(200).json();
            assertThat(me.path("name").asText()).isEqualTo("discipline");
            assertThat(me.path("roles")).hasSize(1);
            assertThat(me.path("roles").get(0).asText()).isEqualTo("DISCIPLINE");
            assertThat(me.path("ledgerZone").asText()).isEqualTo("Asia/Shanghai");
            assertThat(me.path("today").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }

        @Test
        void me_isInTheOpenApiDescription() {
            JsonNode docs = api.get(null, "/v3/api-docs").expect(200).json();
            JsonNode me = docs.path("paths").path("/api/v1/me").path("get");
            assertThat(me.path("summary").asText()).contains("signed-in caller");
            assertThat(me.path("responses").path("401").path("content").has("application/problem+json")).isTrue();
        }

        @Test
        void aPagesScript_getsNoBasicChallenge_soTheBrowserShowsNoDialog() {
            Api.Answer fromScript = api.get(null, "/api/v1/me", "X-Requested-With", "XMLHttpRequest");
            fromScript.problem(401, "unauthenticated");
            assertThat(fromScript.response().headers().allValues("WWW-Authenticate"))
                    .noneMatch(value -> value.startsWith("Basic"));
            Api.Answer wrongPassword = api.send(null, "GET", "/api/v1/me", null, null, "Authorization",
                                                "Basic cmVjb3JkZXI6d3Jvbmc=", "X-Requested-With", "XMLHttpRequest");
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(wrongPassword.response().headers().allValues("WWW-Authenticate"))
                    .noneMatch(value -> value.startsWith("Basic"));

            Api.Answer fromCurl = api.get(null, "/api/v1/me");
            assertThat(fromCurl.status()).isEqualTo(401);
            assertThat(fromCurl.header("WWW-Authenticate")).startsWith("Basic realm=\"eco-ledger\"");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CrossSiteRequests {

        @Test
        void anotherSitesRequest_isRefused_evenWithGoodCredentials() {
            api.get("auditor", "/api/v1/me", "Sec-Fetch-Site", "cross-site").problem(403, "forbidden");
            api.get("auditor", "/api/v1/me", "Sec-Fetch-Site", "same-site").problem(403, "forbidden");
            JsonNode problem = api.post("recorder", "/api/v1/officials", registration("csrf-1"),
                                        "Sec-Fetch-Site", "cross-site").problem(403, "forbidden");
            assertThat(problem.path("detail").asText()).contains("Sec-Fetch-Site: cross-site");
            api.post("recorder", "/api/v1/officials", registration("csrf-1")).expect(201);
        }

        @Test
        void theConsolesOwnRequests_andTypedAddresses_pass() {
            api.get("auditor", "/api/v1/me", "Sec-Fetch-Site", "same-origin").expect(200);
            api.get("auditor", "/api/v1/me", "Sec-Fetch-Site", "none").expect(200);
            api.post("recorder", "/api/v1/officials", registration("csrf-2"), "Sec-Fetch-Site", "same-origin")
               .expect(201);
        }

        @Test
        void withoutFetchMetadata_aPostFromAnotherOrigin_isRefused_andNothingIsWritten() {
            api.post("recorder", "/api/v1/officials", registration("csrf-3"), "Origin", "http://evil.example")
               .problem(403, "forbidden");
            api.post("recorder", "/api/v1/officials", registration("csrf-3"), "Origin", "null")
               .problem(403, "forbidden");
            api.post("recorder", "/api/v1/officials", registration("csrf-3"), "Origin",
                     ledger.baseUrl()).expect(201);
            api.post("recorder", "/api/v1/officials", registration("csrf-4")) // a script sends no Origin
               .expect(201);
        }

        @Test
        void sameHost_comparesHostAndPort() {
            assertThat(CrossSiteRequestFilter.sameHost("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
            assertThat(CrossSiteRequestFilter.sameHost("https://ledger.example", "ledger.example")).isTrue();
            assertThat(CrossSiteRequestFilter.sameHost("https://ledger.example", "ledger.example:443")).isTrue();
            assertThat(CrossSiteRequestFilter.sameHost("http://ledger.example.evil", "ledger.example")).isFalse();
            assertThat(CrossSiteRequestFilter.sameHost("http://127.0.0.1:9090", "127.0.0.1:8080")).isFalse();
            assertThat(CrossSiteRequestFilter.sameHost("null", "127.0.0.1:8080")).isFalse();
            assertThat(CrossSiteRequestFilter.sameHost("http://127.0.0.1:8080", null)).isFalse();
        }

        private JsonNode registration(String id) {
            return object().put("officialId", id).put("name", "跨站测试").put("occurredOn", "2017-12-01");
        }
    }

    @Nested
    class TheConsolesFiles {

        /** Inline script, inline handlers and style attributes: what the policy forbids, absent from the page. */
        @Test
        void thePage_hasNoInlineScriptStyleOrHandlers() throws IOException {
            String html = read(new PathMatchingResourcePatternResolver().getResource("classpath:/static/index.html"));
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline script").isFalse();
            assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
            assertThat(html).doesNotContain("style=").doesNotContain("<style");
            assertThat(html).doesNotContain("http://").doesNotContain("https://").as("nothing from elsewhere");
        }

        /** Every value from the ledger becomes text, never markup; nothing is evaluated from strings. */
        @Test
        void theScripts_buildNoMarkupFromStrings_andEvaluateNothing() throws IOException {
            Resource[] scripts = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:/static/console/**/*.js");
            assertThat(scripts.length).as("the console's modules").isGreaterThanOrEqualTo(10);
            List<String> found = new ArrayList<>();
            Pattern forbidden = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\("
                    + "|new Function|setAttribute\\('style'|\\.style\\.|https?://(?!www\\.w3\\.org/2000/svg)");
            for (Resource script : scripts) {
                var matcher = forbidden.matcher(read(script));
                while (matcher.find()) {
                    found.add(script.getFilename() + ": " + matcher.group());
                }
            }
            assertThat(found).isEmpty();
        }

        private String read(Resource resource) throws IOException {
            try (var in = resource.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
