package org.ecoledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import org.ecoledger.core.log.CosignatureVerifier;
import org.ecoledger.core.log.Ed25519NoteVerifier;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.Sm2NoteVerifier;

/**
 * Reads the keys given on the command line:
 * <ul>
 *   <li>{@code ed25519:<name>:<key>}, {@code sm2:<name>:<key>} for the log, {@code <name>:<key>} for a witness;
 *       {@code <key>} is a file (SubjectPublicKeyInfo PEM, or the base64 below) or inline base64: the 32 raw bytes of
 *       an Ed25519 key, the DER SubjectPublicKeyInfo of an SM2 key. The name may contain {@code :}, the key part not;
 *       it is what follows the last {@code :}.</li>
 *   <li>or a signed-note verifier key {@code <name>+<key ID>+<base64>} of type 0x01, 0xff (log) or 0x04 (witness).</li>
 * </ul>
 */
final class KeyArguments {

    /** Largest key file read. */
    static final int MAX_KEY_FILE_BYTES = 16 * 1024;

    private KeyArguments() {
    }

    static NoteVerifier logKey(String argument) throws UsageException {
        String lower = argument.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("ed25519:")) {
                String[] nameAndKey = nameAndKey(argument.substring("ed25519:".length()), argument);
                String material = material(nameAndKey[1]);
                return new Ed25519NoteVerifier(nameAndKey[0], material.contains("-----BEGIN")
                        ? NoteKeys.readEd25519PublicKey(material)
                        : NoteKeys.ed25519PublicKey(base64(material)));
            }
            if (lower.startsWith("sm2:")) {
                String[] nameAndKey = nameAndKey(argument.substring("sm2:".length()), argument);
                String material = material(nameAndKey[1]);
                return new Sm2NoteVerifier(nameAndKey[0], material.contains("-----BEGIN")
                        ? NoteKeys.readSm2PublicKey(material)
                        : NoteKeys.readSm2PublicKey(base64(material)));
            }
            NoteVerifier verifier = NoteKeys.parseVerifierKey(argument);
            if (verifier instanceof CosignatureVerifier) {
                throw new UsageException("--key " + argument + " is a witness key (type 0x04); use --witness");
            }
            return verifier;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key " + argument + ": " + e.getMessage(), e);
        }
    }

    static CosignatureVerifier witnessKey(String argument) throws UsageException {
        try {
            if (argument.matches("[^:]+\\+[0-9a-f]{8}\\+.*")) {
                NoteVerifier verifier = NoteKeys.parseVerifierKey(argument);
                if (verifier instanceof CosignatureVerifier witness) {
                    return witness;
                }
                throw new UsageException("--witness " + argument + " is not a cosignature/v1 key (type 0x04)");
            }
            String[] nameAndKey = nameAndKey(argument, argument);
            String material = material(nameAndKey[1]);
            return new CosignatureVerifier(nameAndKey[0], material.contains("-----BEGIN")
                    ? NoteKeys.readEd25519PublicKey(material)
                    : NoteKeys.ed25519PublicKey(base64(material)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--witness " + argument + ": " + e.getMessage(), e);
        }
    }

    private static String[] nameAndKey(String value, String argument) throws UsageException {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("'" + argument + "' must give a key name and a key, separated by ':'");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    /** The key text: the file's content if {@code key} names a file, else {@code key} itself. */
    private static String material(String key) throws UsageException {
        Path path = Path.of(key);
        if (!Files.isRegularFile(path)) {
            return key;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
            if (bytes.length > MAX_KEY_FILE_BYTES) {
                throw new UsageException("key file " + key + " is larger than " + MAX_KEY_FILE_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read key file " + key + ": " + e.getMessage(), e);
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is neither an existing file nor base64", e);
        }
    }
}
