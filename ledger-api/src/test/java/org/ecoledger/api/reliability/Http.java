package org.ecoledger.api.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP against a running node as a demo user (name = password) or with explicit credentials. A request that gets no
 * answer (the node died, the connection was reset) throws {@link Unanswered}: its outcome is unknown.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
                                                       .version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** No answer: the outcome of the request is unknown. */
    public static final class Unanswered extends RuntimeException {
        Unanswered(String request, Throwable cause) {
            super(request + ": no answer (" + cause + ")", cause);
        }
    }

    /** An answer. */
    public record Answer(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** Whether this is a problem detail (RFC 9457) with type, title, status and detail, status matching. */
        public boolean isProblem() {
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                return problem.path("type").isTextual() && problem.path("title").isTextual()
                        && problem.path("detail").isTextual() && problem.path("status").asInt() == status;
            } catch (IOException e) {
                return false;
            }
        }

        /** The problem type's slug ({@code /problems/<slug>}), or null when this is not a problem. */
        public String problemType() {
            if (!isProblem()) {
                return null;
            }
            String type = json().path("type").asText();
            return type.startsWith("/problems/") ? type.substring("/problems/".length()) : type;
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    /** As the demo user {@code user} (password = name); anonymous when null. */
    public Answer get(String user, String path) {
        return send(request(path, user, user).GET());
    }

    public Answer post(String user, String path, Object body, String... headers) {
        return postAs(user, user, path, body, headers);
    }

    public Answer postAs(String user, String password, String path, Object body, String... headers) {
        String text = body == null ? "" : body instanceof String s ? s : write(body);
        HttpRequest.Builder request = request(path, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Answer getAs(String user, String password, String path, String... headers) {
        HttpRequest.Builder request = request(path, user, password).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new Unanswered(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered(request.method() + " " + request.uri(), e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
