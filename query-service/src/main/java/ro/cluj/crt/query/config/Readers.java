package ro.cluj.crt.query.config;

import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.security.Role;

/** Who is reading decides what a read shows: the public sees only what owners consented to publish. */
public final class Readers {

    private Readers() {
    }

    /** Staff, monitors, auditors and admins see everything; the public (no login) sees consented data only. */
    public static boolean seesEverything() {
        return Actor.current()
                .map(actor -> actor.holds(Role.STAFF) || actor.holds(Role.MONITOR) || actor.holds(Role.AUDITOR)
                        || actor.holds(Role.ADMIN))
                .orElse(false);
    }

    /** Only staff see contact people's details; monitors, auditors and admins see them withheld. */
    public static boolean seesPersonalData() {
        return Actor.current().map(actor -> actor.holds(Role.STAFF)).orElse(false);
    }
}
