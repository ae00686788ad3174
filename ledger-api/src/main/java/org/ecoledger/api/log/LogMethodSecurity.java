package org.ecoledger.api.log;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Turns on {@code @PreAuthorize} for the log's endpoints. The application's security (users, roles, the filter
 * chain) is configured elsewhere; when it enables method security itself, this class can go.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class LogMethodSecurity {
}
