package org.ecoledger.api.log;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Test scope only, until the application's own security is merged: the embedded default's users as shared/API.md
 * describes them (one per role, name = password = the role in lower case), HTTP Basic, health and info open. The
 * application's component scan finds this class when the tests start it.
 */
@Configuration(proxyBeanMethods = false)
class TestSecurityConfiguration {

    static final String[] ROLES = {"RECORDER", "ORGANIZATION", "DISCIPLINE", "AUDITOR", "ADMIN"};

    @Bean
    UserDetailsService testUsers() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (String role : ROLES) {
            String name = role.toLowerCase(java.util.Locale.ROOT);
            users.createUser(User.withUsername(name).password("{noop}" + name).roles(role).build());
        }
        return users;
    }

    @Bean
    SecurityFilterChain testFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                           .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                           .anyRequest().authenticated())
                   .httpBasic(Customizer.withDefaults())
                   .csrf(csrf -> csrf.disable())
                   .build();
    }
}
