package ro.cluj.crt.support.security;

import java.util.Locale;

/** The roles an account may hold. Writes need {@link #STAFF}; the public needs no account. */
public enum Role {
    STAFF, MONITOR, AUDITOR, ADMIN;

    /** The name used in tokens, metadata and configuration. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
