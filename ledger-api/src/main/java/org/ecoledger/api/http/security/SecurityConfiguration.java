package org.ecoledger.api.http.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.http.idempotency.IdempotencyFilter;
import org.ecoledger.api.http.idempotency.IdempotencyKeys;
import org.ecoledger.api.http.limits.RequestLimitFilter;
import org.ecoledger.api.http.problems.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.http.HttpMethod;
import jakarta.servlet.DispatcherType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

import java.time.Clock;

/**
 * Spring Security for the API: HTTP Basic against configured users (bcrypt hashes) or the embedded default's demo
 * users, bearer tokens when a JWT issuer is configured, the role table of {@link ApiAccessRules}, 401/403 as
 * problem details, stateless: no cookies, no sessions, so no CSRF tokens; cross-site requests from browsers are
 * refused and every answer carries the browser security headers ({@link BrowserProtections}). Also registers the
 * filters around it: the request limits before it, idempotency after it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
@EnableConfigurationProperties({SecurityUsersProperties.class, SignInLimits.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Order of the request limits filter: before Spring Security's chain. */
    public static final int LIMITS_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 10;
    /** Order of the idempotency filter: after Spring Security's chain, so the user is known and authorized. */
    public static final int IDEMPOTENCY_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    ProblemResponses problemResponses(ObjectMapper mapper) {
        return new ProblemResponses(mapper);
    }

    /** Spring's delegating encoder (bcrypt for new hashes), remembering recent matches (RememberingPasswordEncoder). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                                              Clock.systemUTC());
    }

    /** The users who sign in with HTTP Basic. */
    record BasicUsers(List<UserDetails> users) {
    }

    /** The users for HTTP Basic: configured ones, plus the demo users where allowed; none with only JWT. */
    @Bean
    BasicUsers basicUsers(SecurityUsersProperties security, LedgerProperties ledger,
                          ObjectProvider<JwtDecoder> jwtDecoder) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityUsersProperties.User user : security.users()) {
            if (user.name() == null || user.name().isBlank() || user.passwordHash() == null
                    || user.roles().isEmpty()) {
                throw new IllegalStateException("ledger.security.users: each user needs a name, a password-hash "
                                                        + "(bcrypt) and at least one role");
            }
            String hash = user.passwordHash().startsWith("{") ? user.passwordHash()
                                                              : "{bcrypt}" + user.passwordHash();
            users.add(User.withUsername(user.name()).password(hash)
                          .roles(user.roles().stream().map(LedgerRole::name).toArray(String[]::new)).build());
        }
        boolean demo = security.demoUsers() != null ? security.demoUsers() : ledger.embeddedStore();
        if (demo) {
            for (LedgerRole role : LedgerRole.values()) {
                String name = role.name().toLowerCase(Locale.ROOT);
                users.add(User.withUsername(name).password("{noop}" + name).roles(role.name()).build());
            }
            log.warn("**************************************************************************************");
            log.warn("DEMO USERS ARE ENABLED: recorder, organization, discipline, auditor, admin, each with its "
                             + "name as password. FOR LOCAL USE ONLY. Configure ledger.security.users or an OIDC "
                             + "issuer and set LEDGER_SECURITY_DEMO_USERS=false for anything else.");
            log.warn("**************************************************************************************");
        }
        if (users.isEmpty() && jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("No one could use the API: configure ledger.security.users (bcrypt "
                                                    + "hashes) or spring.security.oauth2.resourceserver.jwt.issuer-uri"
                                                    + " (see docs/operations.md), or LEDGER_SECURITY_DEMO_USERS=true "
                                                    + "for local use");
        }
        return new BasicUsers(List.copyOf(users));
    }

    @Bean
    UserDetailsService userDetailsService(BasicUsers basicUsers) {
        return new InMemoryUserDetailsManager(basicUsers.users());
    }

    /** Failed Basic sign-ins, counted per user name and address (429 beyond {@link SignInLimits}). */
    @Bean
    SignInThrottle signInThrottle(SignInLimits signInLimits) {
        return new SignInThrottle(signInLimits);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, BasicUsers basicUsers,
                                    ObjectProvider<JwtDecoder> jwtDecoder, SecurityUsersProperties security,
                                    SignInThrottle signInThrottle)
            throws Exception {
        boolean basic = !basicUsers.users().isEmpty();
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        boolean bearer = decoder != null;
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, basic, bearer);

        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .anonymous(anonymous -> {
            })
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers)
                                                       .accessDeniedHandler(handlers));
        BrowserProtections.apply(http, problems);
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.realmName(ProblemSecurityHandlers.REALM)
                                                 .authenticationEntryPoint(handlers));
            http.addFilterBefore(new SignInThrottleFilter(signInThrottle, problems), BasicAuthenticationFilter.class);
        } else {
            http.httpBasic(AbstractHttpConfigurer::disable);
        }
        if (bearer) {
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(handlers)
                                                    .accessDeniedHandler(handlers)
                                                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(
                                                            jwtConverter(security.jwt()))));
        }
        http.authorizeHttpRequests(authorize -> {
            authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
            authorize.requestMatchers(ApiAccessRules.PUBLIC.toArray(String[]::new)).permitAll();
            for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
                authorize.requestMatchers(rule.method(), rule.pattern())
                         .hasAnyRole(ApiAccessRules.authorities(rule.roles()));
            }
            // A GET or POST under /api/ without a row is refused to everybody; other methods have no endpoint
            // here and reach Spring MVC for its 405 (or 404), once authenticated.
            authorize.requestMatchers(HttpMethod.GET, "/api/**").denyAll();
            authorize.requestMatchers(HttpMethod.POST, "/api/**").denyAll();
            authorize.requestMatchers("/api/**").authenticated();
            authorize.anyRequest().permitAll();
        });
        return http.build();
    }

    /** Maps a token's role claim to the ledger's roles (case-insensitive; unknown names ignored). */
    static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(SecurityUsersProperties.Jwt settings) {
        return jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            Object claim = jwt.getClaims().get(settings.rolesClaim());
            Collection<?> names = claim instanceof Collection<?> list ? list
                    : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
            for (Object name : names) {
                LedgerRole.named(String.valueOf(name))
                          .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            }
            String username = jwt.getClaimAsString(settings.usernameClaim());
            return new JwtAuthenticationToken(jwt, authorities, username != null ? username : jwt.getSubject());
        };
    }

    @Bean
    FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(ObjectMapper mapper, ProblemResponses problems) {
        FilterRegistrationBean<RequestLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitFilter(mapper, problems));
        registration.setOrder(LIMITS_FILTER_ORDER);
        return registration;
    }

    @Bean
    IdempotencyKeys idempotencyKeys(MongoDatabase database, Clock ledgerClock) {
        return new IdempotencyKeys(database, ledgerClock);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, ProblemResponses problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems));
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }
}
