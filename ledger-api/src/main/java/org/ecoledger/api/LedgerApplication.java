package org.ecoledger.api;

import java.util.Locale;

import org.ecoledger.api.demo.DemoCommand;
import org.ecoledger.api.imports.cli.ImportCommand;
import org.ecoledger.api.store.StoreMode;
import org.ecoledger.api.witness.WitnessMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The ledger's application. {@code java -jar ledger.jar} runs it on the embedded store (or on
 * {@code LEDGER_MONGODB_URI}); {@code --ledger.mode=store} / {@code LEDGER_MODE=store} runs only the embedded store
 * (see {@link StoreMode}); {@code --ledger.mode=witness} runs a witness that cosigns the ledger's checkpoints (see
 * {@link WitnessMode}); {@code java -jar ledger.jar import …} uploads a file to a running ledger's import and shows
 * its progress (see {@link ImportCommand}); {@code java -jar ledger.jar demo …} loads the demo city into an empty
 * store and exits (see {@link DemoCommand}).
 */
@SpringBootApplication
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
            System.exit(ImportCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && DemoCommand.NAME.equals(args[0])) {
            System.exit(DemoCommand.run(args, System.out, System.err));
        }
        LedgerProperties.Mode mode = modeOf(args);
        if (mode == LedgerProperties.Mode.STORE) {
            StoreMode.run(args);
        } else if (mode == LedgerProperties.Mode.WITNESS) {
            WitnessMode.run(args);
        } else {
            SpringApplication.run(LedgerApplication.class, args);
        }
    }

    /**
     * {@code ledger.mode} from the command line, a system property or {@code LEDGER_MODE}, read before any context
     * exists because the two modes start different contexts. {@link LedgerProperties#mode()} binds the same value.
     */
    static LedgerProperties.Mode modeOf(String... args) {
        ConfigurableEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        String mode = environment.getProperty("ledger.mode", "app").strip().toUpperCase(Locale.ROOT);
        try {
            return LedgerProperties.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger.mode (LEDGER_MODE) must be app, store or witness, not '" + mode + "'", e);
        }
    }
}
