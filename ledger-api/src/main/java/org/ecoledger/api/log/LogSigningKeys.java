package org.ecoledger.api.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.ecoledger.api.LedgerProperties;
import org.ecoledger.core.log.Ed25519NoteSigner;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteSigner;
import org.ecoledger.core.log.Sm2NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's signing keys, named after the log's origin: Ed25519 from {@code LEDGER_SIGNING_KEY} (PKCS#8 PEM) and, when
 * {@code LEDGER_SM2_SIGNING_KEY} is set, SM2 as well. On the embedded default without {@code LEDGER_SIGNING_KEY} an
 * Ed25519 key is generated on first start into {@code $LEDGER_DATA_DIR/log-signing-key.pem}, readable by its owner
 * only, with a warning. On an external MongoDB without a key this node signs nothing (other nodes, or an operator
 * with the key, must).
 */
public final class LogSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKeys.class);

    /** The file a development key is generated into, inside the data directory. */
    static final String GENERATED_KEY_FILE = "log-signing-key.pem";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LogSigningKeys() {
    }

    static List<NoteSigner> load(LedgerProperties properties, SecureRandom random) {
        String name = properties.logOrigin();
        if (!NoteKeys.isValidKeyName(name)) {
            throw new IllegalStateException("ledger.log-origin (LEDGER_LOG_ORIGIN) '" + name + "' cannot name a "
                    + "signing key: it must have no spaces and no '+'");
        }
        List<NoteSigner> signers = new ArrayList<>();
        Path ed25519 = properties.signingKeyFile().orElse(null);
        if (ed25519 == null && properties.embeddedStore()) {
            ed25519 = properties.dataDir().resolve(GENERATED_KEY_FILE);
            if (!Files.exists(ed25519)) {
                writeOwnerOnly(ed25519, NoteKeys.privateKeyPem(NoteKeys.generateEd25519(random)));
                log.warn("LEDGER_SIGNING_KEY is not set: generated an Ed25519 signing key for the log's checkpoints "
                        + "into {} (readable by its owner only). Fine for development; in production set "
                        + "LEDGER_SIGNING_KEY and keep the key with your backups", ed25519.toAbsolutePath());
            } else {
                log.warn("LEDGER_SIGNING_KEY is not set: signing checkpoints with the generated development key {}",
                         ed25519.toAbsolutePath());
            }
        }
        if (ed25519 != null) {
            Ed25519PrivateKeyParameters key = NoteKeys.readEd25519PrivateKey(read(ed25519, "LEDGER_SIGNING_KEY"));
            signers.add(new Ed25519NoteSigner(name, key));
        } else {
            log.warn("LEDGER_SIGNING_KEY is not set and the store is external: this node signs no checkpoints");
        }
        properties.sm2SigningKeyFile().ifPresent(file -> signers.add(
                new Sm2NoteSigner(name, NoteKeys.readSm2PrivateKey(read(file, "LEDGER_SM2_SIGNING_KEY")), random)));
        if (ed25519 == null && !signers.isEmpty()) {
            throw new IllegalStateException("LEDGER_SM2_SIGNING_KEY is set without LEDGER_SIGNING_KEY: every "
                    + "checkpoint needs an Ed25519 signature");
        }
        return signers;
    }

    public static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot read the key file " + file + ": " + e, e);
        }
    }

    /** Creates {@code file} with {@code content}, readable and writable by its owner only (POSIX 600). */
    public static void writeOwnerOnly(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(false, false);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("refusing to overwrite the key file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
        }
    }
}
