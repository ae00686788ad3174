package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.ecoledger.api.RunningLedger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Real HTTP against a {@link RunningLedger}, as the embedded default's demo users (name = password = role in lower
 * case) or anonymously ({@code user == null}).
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    public Api(RunningLedger ledger) {
        this(ledger.baseUrl());
    }

    /** Against a node at {@code baseUrl} (e.g. the packaged application in another process). */
    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, HttpResponse<String> response) {

        public String text() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** Asserts the status, showing the body when it differs. */
        public Answer expect(int expected) {
            assertThat(status).as("%s %s → %s", response.request().method(), response.request().uri(),
                                  response.body()).isEqualTo(expected);
            return this;
        }

        /** Asserts a problem detail of this status and type. */
        public JsonNode problem(int expected, String type) {
            expect(expected);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("type").asText()).isEqualTo("/problems/" + type);
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("detail").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            return problem;
        }

        /** The field names of a problem's {@code errors}. */
        public List<String> errorFields() {
            return json().path("errors").findValuesAsText("field");
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array(String... items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String item : items) {
            array.add(item);
        }
        return array;
    }

    public Answer post(String user, String path, Object body, String... headers) {
        String text = body instanceof String s ? s : write(body);
        HttpRequest.Builder request = request(user, path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        return send(request);
    }

    /** A POST whose body is streamed without a Content-Length (chunked). */
    public Answer postStreamed(String user, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(user, path).header("Content-Type", "application/json")
                                       .POST(HttpRequest.BodyPublishers.ofInputStream(
                                               () -> new java.io.ByteArrayInputStream(bytes))));
    }

    /** A multipart/form-data POST of one file in the part {@code part}. */
    public Answer upload(String user, String path, String part, String fileName, byte[] content) {
        String boundary = "ledger-test-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                       .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET whose body is kept as bytes (files: templates, reports, exports). */
    public HttpResponse<byte[]> getBytes(String user, String path, String... headers) {
        try {
            return HTTP.send(request(user, path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Answer get(String user, String path, String... headers) {
        return send(request(user, path, headers).GET());
    }

    public Answer send(String user, String method, String path, String contentType, String body,
                       String... headers) {
        HttpRequest.Builder request = request(user, path, headers);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String user, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                                                 .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ the tests' small world

    public static final String CITY = "130300000000";

    /** Registers the tests' city (ADMIN), valid from 1984. */
    public void city() {
        post("admin", "/api/v1/jurisdictions", object().put("code", CITY).put("name", "秦皇岛市")
                .put("level", "CITY").put("validFrom", "1984-01-01")).expect(201);
    }

    /**
     * The shipped rule set QHD-2018 version 1 as a body to post, with another {@code id}, {@code version} and
     * {@code effectiveFrom} (a post of QHD-2018@1 itself is refused: it is built in).
     */
    public static ObjectNode ruleSet(String id, int version, String effectiveFrom) {
        ObjectNode body = (ObjectNode) org.ecoledger.core.rules.ruleset.RuleSets.resourceTree(JSON,
                org.ecoledger.core.rules.ruleset.RuleSets.DEFAULT_RESOURCES.get(0));
        return body.put("id", id).put("version", version).put("effectiveFrom", effectiveFrom);
    }

    /** Registers an official on 2017-12-01 (RECORDER). */
    public JsonNode official(String officialId) {
        return post("recorder", "/api/v1/officials", object().put("officialId", officialId).put("name", "张三")
                .put("occurredOn", "2017-12-01")).expect(201).json();
    }
}
