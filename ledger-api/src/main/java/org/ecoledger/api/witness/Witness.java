package org.ecoledger.api.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.ecoledger.api.log.LogSigningKeys;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.log.Checkpoint;
import org.ecoledger.core.log.CosignatureSigner;
import org.ecoledger.core.log.MalformedNoteException;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteVerification;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.ProofVerification;
import org.ecoledger.core.log.SignatureType;
import org.ecoledger.core.log.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 见证 (a witness): polls the ledger's latest checkpoint, checks the ledger's signature and that the new tree is
 * consistent with the last checkpoint it accepted (a consistency proof from the ledger, verified by RFC 9162's
 * algorithm), and only then cosigns it (C2SP cosignature/v1) and posts the cosignature to the ledger. A checkpoint
 * that is unsigned, smaller, of the same size with another root, or not consistent is refused: nothing is cosigned,
 * the error is logged and a report is written into the state directory. Thread-safe.
 */
public final class Witness {

    private static final Logger log = LoggerFactory.getLogger(Witness.class);

    static final String ACCEPTED_FILE = "checkpoint";
    static final String COSIGNED_FILE = "cosigned-size";
    static final String LOG_KEYS_FILE = "log-keys";
    /** The longest answer read from the ledger. */
    private static final int MAX_RESPONSE_CHARS = 256 * 1024;

    public enum Outcome { COSIGNED, UNCHANGED, REFUSED }

    /** What one poll did. */
    public record Result(Outcome outcome, long treeSize, String reason) {
    }

    private final WitnessProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;
    private final CosignatureSigner signer;
    private final HashAlgorithm algorithm;

    public Witness(WitnessProperties properties, HttpClient http, ObjectMapper json, Clock clock,
                   HashAlgorithm algorithm) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.algorithm = algorithm;
        this.signer = new CosignatureSigner(properties.name(), loadOrGenerateKey(properties.keyFile()), clock);
        log.info("Witness {} cosigns with verifier key {} (give it to the ledger as ledger.log.witnesses[n].key)",
                 properties.name(), NoteKeys.verifierKey(signer.verifier()));
    }

    /** The witness's verifier key. */
    public String verifierKey() {
        return NoteKeys.verifierKey(signer.verifier());
    }

    private static Ed25519PrivateKeyParameters loadOrGenerateKey(Path file) {
        if (!Files.exists(file)) {
            Ed25519PrivateKeyParameters key = NoteKeys.generateEd25519(new SecureRandom());
            LogSigningKeys.writeOwnerOnly(file, NoteKeys.privateKeyPem(key));
            log.warn("Generated the witness's Ed25519 key into {} (readable by its owner only)", file.toAbsolutePath());
            return key;
        }
        return NoteKeys.readEd25519PrivateKey(LogSigningKeys.read(file, "ledger.witness.key"));
    }

    /** Polls once: checks the ledger's latest checkpoint and cosigns it if it is consistent. */
    public synchronized Result pollOnce() {
        String text = get("/api/v1/log/checkpoint");
        SignedNote note;
        Checkpoint offered;
        try {
            note = SignedNote.parse(text);
            offered = Checkpoint.parse(note.text());
        } catch (MalformedNoteException e) {
            return refuse(null, text, -1, "the checkpoint is malformed: " + e.reason());
        }
        NoteVerification signatures = note.verify(logKeys());
        if (!signatures.valid() || !signatures.verifiedBy(SignatureType.ED25519)) {
            return refuse(null, text, offered.size(), "the checkpoint is not signed by the ledger's trusted key: "
                    + (signatures.valid() ? "no Ed25519 signature" : signatures.problem()));
        }
        String acceptedText = readState(ACCEPTED_FILE);
        if (acceptedText != null) {
            Checkpoint accepted = Checkpoint.parse(SignedNote.parse(acceptedText).text());
            String problem = inconsistency(accepted, offered);
            if (problem != null) {
                return refuse(acceptedText, text, offered.size(), problem);
            }
        }
        writeState(ACCEPTED_FILE, text);
        String cosigned = readState(COSIGNED_FILE);
        if (cosigned != null && Long.parseLong(cosigned.strip()) == offered.size()) {
            return new Result(Outcome.UNCHANGED, offered.size(), null);
        }
        String line = note.signatureBy(signer).line();
        HttpResponse<String> posted = send(request("/api/v1/log/cosignatures")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("treeSize", offered.size())
                                                              .put("cosignature", line).toString())).build());
        if (posted.statusCode() / 100 != 2) {
            throw new IllegalStateException("the ledger did not take the cosignature of size " + offered.size()
                    + ": " + posted.statusCode() + " " + posted.body());
        }
        writeState(COSIGNED_FILE, Long.toString(offered.size()));
        log.info("Cosigned the checkpoint of size {} of {}", offered.size(), offered.origin());
        return new Result(Outcome.COSIGNED, offered.size(), null);
    }

    /** Why {@code offered} cannot follow {@code accepted}, or {@code null} when it is consistent. */
    private String inconsistency(Checkpoint accepted, Checkpoint offered) {
        if (!accepted.origin().equals(offered.origin())) {
            return "the checkpoint is for origin " + offered.origin() + ", not " + accepted.origin();
        }
        if (offered.size() < accepted.size()) {
            return "the log shrank from " + accepted.size() + " to " + offered.size() + " leaves";
        }
        List<byte[]> proof = new ArrayList<>();
        if (offered.size() > accepted.size() && accepted.size() > 0) {
            JsonNode response = readJson(get("/api/v1/log/proofs/consistency?first=" + accepted.size() + "&second="
                                                     + offered.size()));
            for (JsonNode hash : response.path("hashes")) {
                proof.add(Base64.getDecoder().decode(hash.asText()));
            }
        }
        ProofVerification consistent = new MerkleTree(algorithm).verifyConsistency(
                accepted.size(), offered.size(), accepted.rootHash(), offered.rootHash(), proof);
        return consistent.valid() ? null : "the checkpoint of size " + offered.size() + " is not consistent with "
                + "the accepted checkpoint of size " + accepted.size() + ": " + consistent.problem();
    }

    private Result refuse(String accepted, String offered, long size, String reason) {
        log.error("REFUSED to cosign the ledger's checkpoint of size {}: {}", size, reason);
        String report = "reason: " + reason + "\n\naccepted checkpoint:\n" + (accepted == null ? "(none)\n" : accepted)
                + "\noffered checkpoint:\n" + offered;
        writeState("refused-" + size + "-" + System.currentTimeMillis() + ".txt", report);
        return new Result(Outcome.REFUSED, size, reason);
    }

    /** The ledger's keys: configured, else pinned on first contact (trust on first use, with a warning). */
    private List<NoteVerifier> logKeys() {
        List<String> keys = properties.logKeys();
        if (keys.isEmpty()) {
            String pinned = readState(LOG_KEYS_FILE);
            if (pinned == null) {
                List<String> fetched = new ArrayList<>();
                for (JsonNode key : readJson(get("/api/v1/log/keys")).path("keys")) {
                    fetched.add(key.path("verifierKey").asText());
                }
                pinned = String.join("\n", fetched) + "\n";
                writeState(LOG_KEYS_FILE, pinned);
                log.warn("ledger.witness.log-keys is not set: pinned the ledger's keys as first seen into {}; check "
                        + "them against the ledger operator's published keys", stateFile(LOG_KEYS_FILE));
            }
            keys = pinned.lines().filter(line -> !line.isBlank()).toList();
        }
        return keys.stream().map(NoteKeys::parseVerifierKey).toList();
    }

    private String get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        if (response.body().length() > MAX_RESPONSE_CHARS) {
            throw new IllegalStateException("GET " + path + " answered more than " + MAX_RESPONSE_CHARS + " chars");
        }
        return response.body();
    }

    private JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the ledger answered something that is not JSON", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.ledgerUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (properties.username() != null && !properties.username().isBlank()) {
            String credentials = properties.username() + ":" + (properties.password() == null ? ""
                    : properties.password());
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the ledger at " + request.uri() + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Path stateFile(String name) {
        return properties.stateDir().resolve(name);
    }

    private String readState(String name) {
        Path file = stateFile(name);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the witness state " + file, e);
        }
    }

    private void writeState(String name, String content) {
        Path file = stateFile(name);
        try {
            Files.createDirectories(properties.stateDir());
            Path temporary = Files.createTempFile(properties.stateDir(), name, ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                       java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the witness state " + file, e);
        }
    }
}
