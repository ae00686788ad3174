package org.ecoledger.api.witness;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoledger.core.chain.HashAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@code java -jar ledger.jar --ledger.mode=witness}: only a {@link Witness}, no store, no web server, no Axon. It
 * polls {@code ledger.witness.ledger-url} every {@code ledger.witness.poll-interval} and cosigns consistent
 * checkpoints until stopped.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan must not pick it up.
 */
@EnableConfigurationProperties(WitnessProperties.class)
public class WitnessMode {

    private static final Logger log = LoggerFactory.getLogger(WitnessMode.class);

    /** Starts the witness process; the context (and the JVM) stay up until the process is stopped. */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(WitnessMode.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("spring.main.keep-alive", "true"))
                .run(args);
    }

    @Bean
    Witness witness(WitnessProperties properties) {
        return new Witness(properties, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                           new ObjectMapper(), Clock.systemUTC(), HashAlgorithm.fromId(properties.hashAlgorithm()));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService witnessPolling(Witness witness, WitnessProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "witness");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                witness.pollOnce();
            } catch (RuntimeException e) {
                log.warn("Witness poll of {} failed: {}", properties.ledgerUrl(), e.getMessage());
            }
        }, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Witness {} polls {} every {}", properties.name(), properties.ledgerUrl(), properties.pollInterval());
        return executor;
    }
}
