package org.ecoledger.api.imports.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -jar ledger.jar import --url http://host:8080 --user recorder [--password …] FILE}: uploads a
 * .csv, .xlsx or .ndjson file to {@code POST /api/v1/imports} of a running ledger, follows
 * {@code GET /api/v1/imports/{id}} with a text progress bar (rows, rate, time left), then lists the rejected rows.
 * No Spring context starts: it is an HTTP client.
 *
 * <p>The password comes from {@code --password}, else {@code LEDGER_PASSWORD}, else the console's prompt. Exit
 * status: 0 every row appended or already there, 1 some rows rejected, 2 the import failed or was interrupted, 3 bad
 * arguments or the ledger could not be reached.
 */
public final class ImportCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "import";

    static final int OK = 0;
    static final int REJECTED_ROWS = 1;
    static final int FAILED = 2;
    static final int USAGE = 3;

    private static final String USAGE_TEXT = "usage: java -jar ledger.jar import --url http://localhost:8080 "
            + "--user NAME [--password PASSWORD] [--poll-millis 1000] FILE.(csv|xlsx|ndjson)";
    private static final int BAR_WIDTH = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; {@code args[0]} is {@value #NAME}. Returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = null;
        String password = System.getenv("LEDGER_PASSWORD");
        long pollMillis = 1_000;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--poll-millis" -> pollMillis = value == null ? -1 : parse(value);
                default -> {
                    if (arg.startsWith("--")) {
                        err.println("unknown option " + arg);
                        err.println(USAGE_TEXT);
                        return USAGE;
                    }
                    file = Path.of(arg);
                    continue;
                }
            }
            if (value == null || pollMillis < 0) {
                err.println(arg + " needs a value");
                err.println(USAGE_TEXT);
                return USAGE;
            }
            i++;
        }
        if (url == null || user == null || file == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return USAGE;
        }
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                err.println("no password: give --password, set LEDGER_PASSWORD, or run on a terminal");
                return USAGE;
            }
            char[] typed = console.readPassword("password for %s: ", user);
            password = typed == null ? "" : new String(typed);
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            return new Session(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base,
                               authorization, out, err, pollMillis).run(file);
        } catch (IOException e) {
            err.println("the ledger at " + base + " could not be reached: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return FAILED;
        }
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One upload and its follow-up. */
    private record Session(HttpClient http, String base, String authorization, PrintStream out, PrintStream err,
                           long pollMillis) {

        int run(Path file) throws IOException, InterruptedException {
            String boundary = "ledger-import-" + Long.toHexString(System.nanoTime());
            String name = file.getFileName().toString();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + name.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest upload = request("/api/v1/imports")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                                                            HttpRequest.BodyPublishers.ofFile(file),
                                                            HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build();
            err.printf(Locale.ROOT, "uploading %s (%,d bytes) to %s%n", name, Files.size(file), base);
            HttpResponse<String> accepted = http.send(upload, HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                err.println("the upload was refused: " + accepted.statusCode() + " " + describe(accepted.body()));
                return FAILED;
            }
            String importId = JSON.readTree(accepted.body()).path("importId").asText();
            err.println("import " + importId);
            JsonNode status;
            while (true) {
                status = get("/api/v1/imports/" + importId);
                String state = status.path("status").asText();
                err.print("\r" + bar(status));
                if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                    break;
                }
                Thread.sleep(pollMillis);
            }
            err.println();
            String state = status.path("status").asText();
            out.printf(Locale.ROOT, "%s: %d rows, %d appended, %d already in the ledger, %d rejected%n", state,
                       status.path("rows").asLong(), status.path("appended").asLong(),
                       status.path("skipped").asLong(), status.path("rejectedCount").asLong());
            for (JsonNode rejected : allRejected(importId, status)) {
                out.println("row " + rejected.path("row").asLong()
                        + (rejected.hasNonNull("field") ? " " + rejected.path("field").asText() : "")
                        + ": " + rejected.path("message").asText()
                        + (rejected.hasNonNull("rule") ? " [" + rejected.path("rule").asText() + "]" : ""));
            }
            if (status.hasNonNull("problem")) {
                JsonNode problem = status.path("problem");
                out.println("stopped at row " + problem.path("row").asLong()
                        + (problem.hasNonNull("field") ? " " + problem.path("field").asText() : "") + ": "
                        + problem.path("message").asText());
            }
            if (!state.equals("DONE")) {
                return FAILED;
            }
            return status.path("rejectedCount").asLong() > 0 ? REJECTED_ROWS : OK;
        }

        private List<JsonNode> allRejected(String importId, JsonNode first) throws IOException, InterruptedException {
            List<JsonNode> rows = new ArrayList<>();
            first.path("rejected").forEach(rows::add);
            for (int page = 1; page < first.path("pages").asInt(); page++) {
                get("/api/v1/imports/" + importId + "?page=" + page).path("rejected").forEach(rows::add);
            }
            return rows;
        }

        private JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + answer.statusCode() + " " + describe(answer.body()));
            }
            return JSON.readTree(answer.body());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                              .header("Authorization", authorization);
        }
    }

    /** {@code [#########.........]  45%  45,000/100,000 rows  9,800 rows/s  6 s left}. */
    static String bar(JsonNode status) {
        long total = status.path("rowsTotal").asLong(0);
        long rows = status.path("rows").asLong();
        double fraction = total > 0 ? Math.min(1.0, (double) rows / total)
                : "DONE".equals(status.path("status").asText()) ? 1.0 : 0.0;
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        StringBuilder bar = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled))
                                                  .append("] ");
        bar.append(String.format(Locale.ROOT, "%3d%%  %,d/%,d rows", Math.round(fraction * 100), rows, total));
        if (status.hasNonNull("rowsPerSecond")) {
            bar.append(String.format(Locale.ROOT, "  %,.0f rows/s", status.path("rowsPerSecond").asDouble()));
        }
        if (status.hasNonNull("secondsLeft")) {
            bar.append(String.format(Locale.ROOT, "  %d s left", status.path("secondsLeft").asLong()));
        }
        bar.append("  ").append(status.path("status").asText());
        return bar.toString();
    }

    private static String describe(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("detail").asText(body);
        } catch (IOException e) {
            return body;
        }
    }
}
