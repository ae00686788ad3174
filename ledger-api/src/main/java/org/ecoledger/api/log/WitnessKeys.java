package org.ecoledger.api.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.ecoledger.core.log.CosignatureVerifier;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.SignatureType;

/** The witnesses whose cosignatures the ledger accepts ({@code ledger.log.witnesses[n].name/key}). */
public final class WitnessKeys {

    private final List<CosignatureVerifier> witnesses;

    private WitnessKeys(List<CosignatureVerifier> witnesses) {
        this.witnesses = List.copyOf(witnesses);
    }

    static WitnessKeys of(List<LogProperties.WitnessKey> configured) {
        List<CosignatureVerifier> verifiers = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            LogProperties.WitnessKey witness = configured.get(i);
            try {
                verifiers.add(parse(witness.name(), witness.key().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ledger.log.witnesses[" + i + "] (" + witness.name() + "): "
                        + e.getMessage(), e);
            }
        }
        return new WitnessKeys(verifiers);
    }

    /** A witness key given as a verifier key, a PEM public key file, or the base64 of the 32-byte Ed25519 key. */
    public static CosignatureVerifier parse(String name, String key) {
        if (key.contains("+")) {
            NoteVerifier verifier = NoteKeys.parseVerifierKey(key);
            if (verifier.type() != SignatureType.COSIGNATURE_V1 || !verifier.name().equals(name)) {
                throw new IllegalArgumentException("the verifier key is not a cosignature/v1 key named " + name);
            }
            return (CosignatureVerifier) verifier;
        }
        Path file = Path.of(key);
        if (Files.isRegularFile(file)) {
            return new CosignatureVerifier(name, NoteKeys.readEd25519PublicKey(
                    LogSigningKeys.read(file, "ledger.log.witnesses")));
        }
        return new CosignatureVerifier(name, NoteKeys.ed25519PublicKey(Base64.getDecoder().decode(key)));
    }

    /** The trusted witness with this name and key ID. */
    public Optional<CosignatureVerifier> find(String name, int keyId) {
        return witnesses.stream().filter(w -> w.name().equals(name) && w.keyId() == keyId).findFirst();
    }

    public List<CosignatureVerifier> all() {
        return witnesses;
    }
}
