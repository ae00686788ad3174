package org.ecoledger.bench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One user of the HTTP API over its own keep-alive connection, as a script of that user would: signed in with a
 * bearer token of the benchmark's issuer ({@link #bearer}), or with HTTP Basic as one of the embedded default's demo
 * users ({@link #basic}: name = password = the role in lower case).
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, body, and how long the request took from sending to the whole body read. */
    record Answer(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final LedgerApp app;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5)).build();

    private ApiClient(LedgerApp app, String authorization) {
        this.app = app;
        this.authorization = authorization;
    }

    static ApiClient bearer(LedgerApp app, TokenIssuer issuer, String role) {
        return new ApiClient(app, issuer.authorization(role));
    }

    static ApiClient basic(LedgerApp app, String role) {
        return new ApiClient(app, "Basic " + Base64.getEncoder().encodeToString(
                (role + ":" + role).getBytes(StandardCharsets.UTF_8)));
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(app.uri(pathAndQuery)).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(app.uri(path)).header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", authorization).timeout(Duration.ofMinutes(2)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The answer, when its status is {@code expected}; otherwise a failure that shows it. */
    static Answer expect(Answer answer, int expected, String what) {
        if (answer.status() != expected) {
            throw new IllegalStateException(what + " answered " + answer.status() + " (expected " + expected + "): "
                                                    + answer.body());
        }
        return answer;
    }
}
