package io.streamvane.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.client.RestTemplate;

/**
 * The one security filter chain of a Streamvane service: stateless, API keys always, JWTs (OAuth2 resource server)
 * when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) gives Boot a
 * {@link JwtDecoder}. Authorisation is deny by default: public paths are open, each {@link AccessRule} needs its
 * scope (a GET rule's scope for HEAD and OPTIONS too), and a request no rule names is refused, 401 without
 * credentials and 403 with any (an unnamed path must not become readable by whoever holds some key). The platform
 * names the actuator endpoints it knows ({@link #actuatorRules}); each service names its own paths in an
 * {@link AccessRules} bean. Services {@code @Import} this class; the single-process app finds it by component scan.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSecurityConfiguration.class);

    /** The signing keys are fetched with {@code streamvane.security.jwk-set-timeout}, not the 500 ms default. */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer jwkSetTimeout(SecurityProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.jwkSetTimeout());
        requests.setReadTimeout(properties.jwkSetTimeout());
        RestTemplate rest = new RestTemplate(requests);
        return builder -> builder.restOperations(rest);
    }

    @Bean
    ApiKeyStore apiKeyStore(SecurityProperties properties) {
        ApiKeyStore store = new ApiKeyStore(properties.apiKeys());
        // Names only: a key, even hashed, never goes to a log.
        LOG.info("API keys accepted: {} ({})", store.size(),
                properties.apiKeys().stream().map(SecurityProperties.ApiKey::toString).toList());
        return store;
    }

    /**
     * Keeps Boot from creating its default in-memory user with a generated password: authentication here is by
     * API key filter and JWT only, never by username and password.
     */
    @Bean
    AuthenticationProvider noPasswordAuthentication() {
        return new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication authentication) {
                throw new ProviderNotFoundException("username/password authentication is not offered");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return false;
            }
        };
    }

    @Bean
    FailedAuthentications failedAuthentications(SecurityProperties properties, ObjectProvider<Clock> clock) {
        SecurityProperties.FailedAuthentication limits = properties.failedAuthentication();
        return new FailedAuthentications(limits.maxFailures(), limits.window(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SecurityFilterChain streamvaneSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
            ApiKeyStore keys, ObjectProvider<AccessRules> contributed, ObjectProvider<JwtDecoder> jwtDecoder,
            Environment environment, FailedAuthentications failures, ObjectProvider<Clock> clock) throws Exception {
        var entryPoint = new ProblemJsonAuthenticationEntryPoint(failures);
        var denied = new ProblemJsonAccessDeniedHandler();
        boolean jwt = jwtDecoder.getIfAvailable() != null;
        List<AccessRule> rules = orderedRules(properties, contributed);

        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                // Before every authentication filter, the bearer token's included: a blocked address tries nothing.
                .addFilterBefore(new AuthenticationThrottleFilter(failures, clock.getIfAvailable(Clock::systemUTC)),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, jwt, entryPoint),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    for (AccessRule rule : rules) {
                        if (rule.method() == null) {
                            auth.requestMatchers(rule.pattern()).hasAuthority(rule.scope().authority());
                        }
                        for (HttpMethod method : rule.methods()) {
                            auth.requestMatchers(method, rule.pattern()).hasAuthority(rule.scope().authority());
                        }
                    }
                    auth.anyRequest().denyAll();
                });
        if (jwt) {
            jwtValidationWarnings(environment, properties.acceptAnyJwtIssuer()).forEach(LOG::warn);
            var resolver = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied)
                    .bearerTokenResolver(request -> {
                        String token = resolver.resolve(request);
                        return token != null && ApiKeyAuthenticationFilter.looksLikeJwt(token) ? token : null;
                    })
                    .jwt(j -> j.jwtAuthenticationConverter(new JwtScopes())));
        }
        LOG.info("Access rules (most specific first): {}; JWT bearer tokens {}", rules, jwt ? "on" : "off");
        return http.build();
    }

    /**
     * What Boot's {@link JwtDecoder} will not check as configured. Boot always checks signature, expiry and not-before;
     * it checks {@code iss} only when {@code issuer-uri} is set and {@code aud} only when {@code audiences} is set.
     * Entra ID signs the tokens of every tenant and every app with the same keys, so without an audience a token
     * issued for any other app whose roles or scopes end in read/ingest/admin would be accepted: that refuses to start.
     * Without an issuer, a token another tenant issued for an app of the same ID would pass: that refuses to start too,
     * unless {@code streamvane.security.accept-any-jwt-issuer} says the app deliberately accepts every tenant (then
     * it warns).
     *
     * @throws IllegalStateException JWTs are on and {@code audiences} is not set, or {@code issuer-uri} is not set
     *                               and any issuer was not deliberately accepted
     */
    static List<String> jwtValidationWarnings(Environment environment, boolean acceptAnyIssuer) {
        Binder binder = Binder.get(environment);
        String prefix = "spring.security.oauth2.resourceserver.jwt.";
        List<String> warnings = new ArrayList<>();
        if (binder.bind(prefix + "issuer-uri", String.class).map(String::isBlank).orElse(true)) {
            String risk = prefix + "issuer-uri is not set: the token issuer (iss) is not checked, so a token signed "
                    + "with the same keys by another tenant is accepted";
            if (!acceptAnyIssuer) {
                throw new IllegalStateException("JWT bearer tokens are on but " + risk + "; set it to your tenant's "
                        + "issuer (Entra: https://login.microsoftonline.com/<tenant-id>/v2.0), or set "
                        + "streamvane.security.accept-any-jwt-issuer=true if every tenant is meant to call");
            }
            warnings.add("JWT bearer tokens accept any issuer (streamvane.security.accept-any-jwt-issuer): " + risk);
        }
        if (binder.bind(prefix + "audiences", Bindable.listOf(String.class)).map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("JWT bearer tokens are on but " + prefix + "audiences is not set: the "
                    + "token audience (aud) would not be checked, so a token issued for another application would be "
                    + "accepted; set it to Streamvane's application ID URI and/or client ID");
        }
        return warnings;
    }

    /**
     * The actuator endpoints under the management base path (the Helm chart serves them on the management port, the
     * same paths): the metrics a Prometheus scrape or a dashboard reads ({@code prometheus}, {@code metrics},
     * {@code info} and the links page) need {@code read}, so a read key can scrape; every other endpoint, exposed or
     * not ({@code env}, {@code configprops}, {@code beans}, {@code loggers}, {@code heapdump}, ...), needs
     * {@code admin}. Health stays public through {@code streamvane.security.public-paths}.
     */
    @Bean
    AccessRules platformActuatorAccessRules(Environment environment) {
        List<AccessRule> rules = actuatorRules(environment.getProperty("management.endpoints.web.base-path",
                "/actuator"));
        return () -> rules;
    }

    static List<AccessRule> actuatorRules(String basePath) {
        String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        if (base.isEmpty()) {
            // Actuator at the root: name its read endpoints only, never "/**" as admin.
            return List.of(AccessRule.of(HttpMethod.GET, "/prometheus", Scope.READ),
                    AccessRule.of(HttpMethod.GET, "/metrics/**", Scope.READ),
                    AccessRule.of(HttpMethod.GET, "/info", Scope.READ));
        }
        return List.of(AccessRule.of(HttpMethod.GET, base, Scope.READ),
                AccessRule.of(HttpMethod.GET, base + "/prometheus", Scope.READ),
                AccessRule.of(HttpMethod.GET, base + "/metrics/**", Scope.READ),
                AccessRule.of(HttpMethod.GET, base + "/info", Scope.READ),
                AccessRule.any(base + "/**", Scope.ADMIN));
    }

    static List<AccessRule> orderedRules(SecurityProperties properties, ObjectProvider<AccessRules> contributed) {
        List<AccessRule> rules = new ArrayList<>();
        contributed.orderedStream().forEach(r -> rules.addAll(r.rules()));
        properties.accessRules().forEach(r -> rules.add(r.toAccessRule()));
        rules.sort(Comparator.comparingInt(AccessRule::specificity).reversed());
        return List.copyOf(rules);
    }
}
