package org.ecoledger.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The real application, started as {@code java -jar ledger.jar} would start it: on a random HTTP port bound to
 * loopback, with the embedded store on any free port under the given data directory (unless a test passes
 * {@code --ledger.mongodb-uri}), with the demo users (unless {@code --ledger.security.demo-users=false}) and without
 * the demo city (unless {@code --ledger.demo-data=true}).
 */
public final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application; {@code --name=value} arguments replace the defaults above of the same name. */
    public static RunningLedger start(Path dataDir, String... args) {
        return start(dataDir, null, args);
    }

    /**
     * Starts the application with {@code clock} as the ledger's clock (a primary {@link Clock} bean: what every entry's
     * {@code recordedAt}, "today" and every stored time read), so that a test can record entries "in 2019" and
     * "in 2020" and ask the views as of a date in between; {@code null} keeps the system clock.
     */
    public static RunningLedger start(Path dataDir, Clock clock, String... args) {
        return launch(List.of(), dataDir, clock, args);
    }

    /**
     * Starts the application with more configuration classes (e.g. a {@code @Primary} bean that replaces one of the
     * application's for a test); otherwise as {@link #start(Path, String...)}.
     */
    public static RunningLedger startWith(List<Class<?>> sources, Path dataDir, String... args) {
        return launch(sources, dataDir, null, args);
    }

    private static RunningLedger launch(List<Class<?>> sources, Path dataDir, Clock clock, String... args) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("server.address", "127.0.0.1");
        arguments.put("ledger.data-dir", dataDir.toString());
        arguments.put("ledger.embedded-mongodb-port", "0");
        arguments.put("ledger.mongodb-uri", ""); // whatever LEDGER_MONGODB_URI the environment has
        // Tests sign in as the demo users (name = password = role in lower case), also on an external store.
        arguments.put("ledger.security.demo-users", "true");
        // No demo city unless a test asks for one (--ledger.demo-data=true): it would fill the store at start.
        arguments.put("ledger.demo-data", "false");
        for (String argument : args) {
            int equals = argument.indexOf('=');
            arguments.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        String[] commandLine = arguments.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        List<Class<?>> all = new ArrayList<>();
        all.add(LedgerApplication.class);
        all.addAll(sources);
        SpringApplicationBuilder application = new SpringApplicationBuilder(all.toArray(Class<?>[]::new));
        if (clock != null) {
            application.initializers((GenericApplicationContext context) -> context.registerBean(
                    "testClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        return new RunningLedger(application.run(commandLine));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
