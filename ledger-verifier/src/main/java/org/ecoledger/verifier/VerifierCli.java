package org.ecoledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoledger.core.log.CosignatureVerifier;
import org.ecoledger.core.log.EvidenceBundle;
import org.ecoledger.core.log.EvidenceFormatException;
import org.ecoledger.core.log.EvidenceVerification;
import org.ecoledger.core.log.EvidenceVerifier;
import org.ecoledger.core.log.LedgerExportVerifier;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.log.TrustPolicy;

/**
 * 离线核验 (offline verification): checks an evidence bundle with no server, no store and no domain classes.
 * <pre>
 *   java -jar ledger-verifier.jar --bundle evidence.json --key ed25519:&lt;name&gt;:&lt;base64 key or file&gt;
 *        [--key sm2:&lt;name&gt;:&lt;key&gt;] [--require-sm2] [--witness &lt;name&gt;:&lt;key&gt; ... [--quorum k]]
 *        [--saved-checkpoint &lt;file&gt;]
 * </pre>
 * Exit codes: {@value #VALID} valid, {@value #INVALID} invalid (the first failing item is printed),
 * {@value #UNUSABLE} unusable input (arguments, missing or oversized file, not JSON, not a bundle).
 */
public final class VerifierCli {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    static final String USAGE = """
            usage: java -jar ledger-verifier.jar --bundle <evidence.json> --key <log key> [--key <log key> ...]
                   [--require-sm2] [--witness <witness key> ... [--quorum <k>]] [--saved-checkpoint <file>]
               or: java -jar ledger-verifier.jar --export <ledger-export.ndjson> [--key <log key> ...]

              --bundle FILE            the evidence bundle (eco-ledger-evidence/1), at most 64 MiB
              --export FILE            the whole ledger as exported (eco-ledger-export/1, GET /api/v1/exports/ledger),
                                       read line by line: every chain, the Merkle root and the signed checkpoint;
                                       without --key it is checked against the keys the export lists
              --key ed25519:NAME:KEY   a trusted Ed25519 key of the log (at least one is required)
              --key sm2:NAME:KEY       a trusted SM2 key of the log
              --key VKEY               or a signed-note verifier key NAME+KEYID+BASE64
                                       KEY is a file (PUBLIC KEY PEM, or base64) or base64: the 32 raw bytes of an
                                       Ed25519 key, the DER SubjectPublicKeyInfo of an SM2 key
              --require-sm2            the checkpoint must also carry a valid SM2 signature
              --witness NAME:KEY       a trusted witness (cosignature/v1, Ed25519 key), or its verifier key
              --quorum K               how many witnesses must have cosigned (default: all given)
              --saved-checkpoint FILE  a checkpoint saved earlier: the bundle must prove the log grew from it

            exit status: 0 valid, 1 invalid (the first failing item is printed), 2 unusable input
            """;

    private VerifierCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.help) {
                out.print(USAGE);
                return VALID;
            }
            if (options.export != null) {
                return verifyExport(options, out, err);
            }
            EvidenceBundle bundle = EvidenceBundle.parse(read(options.bundle, "bundle"), new ObjectMapper());
            EvidenceVerification result = new EvidenceVerifier(options.policy()).verify(bundle);
            out.println(result.describe());
            return result.valid() ? VALID : INVALID;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return UNUSABLE;
        } catch (EvidenceFormatException e) {
            err.println("error: unusable bundle: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static int verifyExport(Options options, PrintStream out, PrintStream err) throws UsageException {
        try (java.io.BufferedReader lines = Files.newBufferedReader(options.export, StandardCharsets.UTF_8)) {
            LedgerExportVerifier.Result result = new LedgerExportVerifier(options.keys, new ObjectMapper()).verify(lines);
            out.println(result.describe());
            return result.valid() ? VALID : INVALID;
        } catch (NoSuchFileException e) {
            throw new UsageException("no such export file: " + options.export, e);
        } catch (java.io.UncheckedIOException | IOException e) {
            err.println("error: cannot read the export " + options.export + ": " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static byte[] read(Path file, String what) throws UsageException {
        try {
            long size = Files.size(file);
            if (size > EvidenceBundle.MAX_BUNDLE_BYTES) {
                throw new UsageException("the " + what + " " + file + " has " + size + " bytes, more than the "
                        + EvidenceBundle.MAX_BUNDLE_BYTES + " allowed");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(EvidenceBundle.MAX_BUNDLE_BYTES + 1);
                if (bytes.length > EvidenceBundle.MAX_BUNDLE_BYTES) {
                    throw new UsageException("the " + what + " " + file + " is larger than "
                            + EvidenceBundle.MAX_BUNDLE_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("no such " + what + " file: " + file, e);
        } catch (IOException e) {
            throw new UsageException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** The parsed command line. */
    private static final class Options {

        Path bundle;
        Path export;
        final List<NoteVerifier> keys = new ArrayList<>();
        boolean requireSm2;
        final List<CosignatureVerifier> witnesses = new ArrayList<>();
        Integer quorum;
        Path savedCheckpoint;
        boolean help;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--bundle" -> o.bundle = Path.of(value(args, ++i, arg));
                    case "--export" -> o.export = Path.of(value(args, ++i, arg));
                    case "--key" -> o.keys.add(KeyArguments.logKey(value(args, ++i, arg)));
                    case "--require-sm2" -> o.requireSm2 = true;
                    case "--witness" -> o.witnesses.add(KeyArguments.witnessKey(value(args, ++i, arg)));
                    case "--quorum" -> {
                        String k = value(args, ++i, arg);
                        try {
                            o.quorum = Integer.parseInt(k);
                        } catch (NumberFormatException e) {
                            throw new UsageException("--quorum " + k + " is not a number", e);
                        }
                    }
                    case "--saved-checkpoint" -> o.savedCheckpoint = Path.of(value(args, ++i, arg));
                    default -> throw new UsageException("unknown argument '" + arg + "'\n" + USAGE);
                }
            }
            if (o.help) {
                return o;
            }
            if (o.export != null) {
                if (o.bundle != null) {
                    throw new UsageException("give --bundle or --export, not both");
                }
                return o;
            }
            if (o.bundle == null) {
                throw new UsageException("--bundle or --export is required\n" + USAGE);
            }
            if (o.keys.isEmpty()) {
                throw new UsageException("give at least one trusted key of the log with --key\n" + USAGE);
            }
            if (o.quorum != null && o.witnesses.isEmpty()) {
                throw new UsageException("--quorum needs --witness keys");
            }
            return o;
        }

        TrustPolicy policy() throws UsageException {
            String saved = null;
            if (savedCheckpoint != null) {
                byte[] bytes = read(savedCheckpoint, "saved checkpoint");
                if (bytes.length > SignedNote.MAX_NOTE_BYTES) {
                    throw new UsageException("the saved checkpoint is larger than " + SignedNote.MAX_NOTE_BYTES
                            + " bytes");
                }
                saved = new String(bytes, StandardCharsets.UTF_8);
            }
            try {
                return new TrustPolicy(keys, requireSm2, witnesses, quorum == null ? witnesses.size() : quorum,
                        saved);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }

        private static String value(String[] args, int i, String option) throws UsageException {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }
    }
}
