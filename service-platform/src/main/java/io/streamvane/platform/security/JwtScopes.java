package io.streamvane.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads Streamvane scopes from an Entra ID token: delegated scopes in {@code scp} (space separated) and application
 * roles in {@code roles}, either plain ({@code read}) or qualified ({@code Streamvane.Read}).
 */
final class JwtScopes implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Object scp = jwt.getClaims().get("scp");
        if (scp instanceof String s) {
            add(scopes, List.of(s.split(" ")));
        } else if (scp instanceof Collection<?> c) {
            add(scopes, c);
        }
        if (jwt.getClaims().get("roles") instanceof Collection<?> roles) {
            add(scopes, roles);
        }
        List<SimpleGrantedAuthority> authorities =
                scopes.stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static void add(Set<Scope> scopes, Collection<?> values) {
        for (Object v : values) {
            Scope.parse(String.valueOf(v)).ifPresent(s -> scopes.addAll(s.implied()));
        }
    }
}
