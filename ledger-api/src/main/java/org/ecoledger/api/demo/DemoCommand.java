package org.ecoledger.api.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ecoledger.api.LedgerApplication;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -jar ledger.jar demo [options]}: loads the demo city into an empty store and exits once the read views
 * and the transparency log have caught up, or, with {@code --dry-run}, only generates it and prints what it holds
 * and its digest. The sizes are options here and {@code ledger.demo.*} properties (or {@code LEDGER_DEMO_*}
 * variables) everywhere; any other {@code --name=value} goes to the application, e.g. {@code --ledger.data-dir=DIR}
 * or {@code --ledger.mongodb-uri=…} (the command loads into a real MongoDB too, when it is empty).
 */
public final class DemoCommand {

    public static final String NAME = "demo";

    /** Exit status: loaded (or generated, with {@code --dry-run}). */
    public static final int LOADED = 0;
    /** Exit status: the load failed. */
    public static final int FAILED = 1;
    /** Exit status: the arguments are wrong. */
    public static final int USAGE = 2;
    /** Exit status: the store is not empty, nothing was loaded. */
    public static final int STORE_NOT_EMPTY = 3;

    private static final Map<String, String> OPTIONS = Map.of("--counties", "ledger.demo.counties",
            "--townships-per-county", "ledger.demo.townships-per-county",
            "--villages-per-township", "ledger.demo.villages-per-township",
            "--seed", "ledger.demo.seed",
            "--writers", "ledger.demo.writers");

    static final String USAGE_TEXT = """
            usage: java -jar ledger.jar demo [--counties N] [--townships-per-county N] [--villages-per-township N]
                                             [--seed N] [--writers N] [--dry-run] [--name=value …]

            Loads the demo city 示例市 into an empty store (the embedded one under LEDGER_DATA_DIR, or
            LEDGER_MONGODB_URI), through the same commands as any recorder, and exits once the read views and the
            transparency log have caught up. Defaults: 6 counties × 10 townships × 10 villages, seed 2018, 2 writers.
              --dry-run        generate only: print the counts, the scenarios and the digest of the commands
              --name=value     any other application setting, e.g. --ledger.data-dir=/tmp/demo
            Exit status: 0 loaded, 1 failed, 2 bad arguments, 3 the store is not empty (nothing loaded).
            """;

    private DemoCommand() {
    }

    /** Runs the command; {@code args} start with {@value #NAME}. Returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> application = new ArrayList<>();
        boolean dryRun = false;
        for (int i = args.length > 0 && NAME.equals(args[0]) ? 1 : 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE_TEXT);
                return LOADED;
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (OPTIONS.containsKey(name)) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    err.println("demo: " + arg + " needs a value");
                    err.print(USAGE_TEXT);
                    return USAGE;
                }
                application.add("--" + OPTIONS.get(name) + "=" + value);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                application.add(arg);
            } else {
                err.println("demo: unknown argument " + arg);
                err.print(USAGE_TEXT);
                return USAGE;
            }
        }
        DemoProperties demo;
        DemoCitySize size;
        try {
            demo = properties(application);
            size = demo.size();
        } catch (RuntimeException e) {
            err.println("demo: " + rootMessage(e));
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (dryRun) {
            DemoCity city = DemoCityGenerator.generate(size, RuleSets.defaults(new ObjectMapper().findAndRegisterModules()));
            print(city, out);
            return LOADED;
        }
        return load(application, size, demo.writers(), out, err);
    }

    private static int load(List<String> application, DemoCitySize size, int writers, PrintStream out,
                            PrintStream err) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(LedgerApplication.class)
                    // no load in the background: this command loads in the foreground; HTTP only on loopback
                    .properties("server.port=0", "server.address=127.0.0.1")
                    .run(withDemoDataOff(application));
        } catch (RuntimeException e) {
            err.println("demo: the ledger did not start: " + rootMessage(e));
            return FAILED;
        }
        try (context) {
            DemoCityLoader loader = context.getBean(DemoCityLoader.class);
            DemoCityLoader.Report report = loader.loadIntoEmptyStore(size, writers);
            if (report.outcome() == DemoCityLoader.Outcome.STORE_NOT_EMPTY) {
                err.println("demo: the store already holds events; nothing was loaded (the demo city is loaded only "
                            + "into an empty store)");
                return STORE_NOT_EMPTY;
            }
            print(report.city(), out);
            out.printf(Locale.ROOT, "loaded in %.1f s:%n%s%n", report.total().toMillis() / 1000.0,
                    report.phaseLines());
            return LOADED;
        } catch (RuntimeException e) {
            err.println("demo: the load failed: " + rootMessage(e));
            return FAILED;
        }
    }

    private static String[] withDemoDataOff(List<String> application) {
        List<String> all = new ArrayList<>(application);
        all.add("--ledger.demo-data=false");
        return all.toArray(String[]::new);
    }

    /** {@code ledger.demo.*} from the options, the environment and system properties, with their defaults. */
    private static DemoProperties properties(List<String> application) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                application.toArray(String[]::new)));
        return Binder.get(environment).bindOrCreate("ledger.demo", DemoProperties.class);
    }

    static void print(DemoCity city, PrintStream out) {
        DemoCity.Counts counts = city.counts();
        out.printf(Locale.ROOT, "%s: %s%n", DemoCityGenerator.CITY_NAME, city.size());
        out.printf(Locale.ROOT, "  %,d places, %,d departments, %,d officials, %,d inspection cases (%,d closed)%n",
                counts.jurisdictions(), counts.departments(), counts.officials(), counts.casesAssigned(),
                counts.casesClosed());
        Map<String, Integer> byType = new TreeMap<>();
        city.writes().forEach(write -> write.commands().forEach(command ->
                byType.merge(command.getClass().getSimpleName().replace("Command", ""), 1, Integer::sum)));
        out.printf(Locale.ROOT, "  %,d entries in all:%n", counts.commands());
        byType.forEach((type, count) -> out.printf(Locale.ROOT, "    %-28s %,7d%n", type, count));
        out.println("  scenarios (GET /api/v1…):");
        for (DemoScenario scenario : city.scenarios()) {
            out.printf(Locale.ROOT, "    %-26s %s  %s%n", scenario.code(), scenario.officialId(), scenario.look());
        }
        out.println("  digest " + city.digest());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
