package ro.cluj.crt.support.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The logged-in account behind a request, named by its opaque id only: account names are personal data. */
public record Actor(String accountId, Set<Role> roles) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** The actor of the current request, or empty for the public. */
    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : token.getAuthorities()) {
            Arrays.stream(Role.values())
                    .filter(role -> role.authority().equals(granted.getAuthority()))
                    .forEach(roles::add);
        }
        return Optional.of(new Actor(token.getName(), roles));
    }
}
