package org.ecoledger.api.messaging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes {@code axoniq.update-checker.disabled} (in {@code application.yml}) effective. Axon's update checker and its
 * console banner read JVM system properties, not Spring properties; without this the application would try to reach
 * {@code get.axoniq.io} on every start and write {@code ~/.axoniq/update-checker.properties}.
 * An explicit {@code -D} system property still wins.
 */
public class AxonUpdateCheckerSettings implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    static final String CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        copyToSystemProperty(environment, UPDATE_CHECKER_DISABLED);
        copyToSystemProperty(environment, CONSOLE_MESSAGE_DISABLED);
    }

    private static void copyToSystemProperty(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        if (value != null && System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
