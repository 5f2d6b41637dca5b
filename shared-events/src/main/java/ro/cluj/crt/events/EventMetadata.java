package ro.cluj.crt.events;

/**
 * The keys every stored event carries in its metadata, so that an auditor can tell who caused it, from which
 * request, as a consequence of which message, and why.
 */
public final class EventMetadata {

    /**
     * The opaque id of the account that caused the event, {@link #SYSTEM_ACTOR} for the tracker itself, or
     * {@link #PUBLIC_ACTOR} for someone without an account.
     */
    public static final String ACTOR_ID = "actorId";
    /** The role under which the account acted (staff, monitor, auditor, admin, system, public). */
    public static final String ACTOR_ROLE = "actorRole";
    /** The id of the HTTP request (or job) that caused the event, shared by everything it caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the command message that produced the event. */
    public static final String CAUSATION_ID = "causationId";
    /** Why, where the command asked for a reason. */
    public static final String REASON = "reason";

    public static final String SYSTEM_ACTOR = "system";
    /** The actor and role of a write sent without logging in (a public recommendation). */
    public static final String PUBLIC_ACTOR = "public";

    private EventMetadata() {
    }
}
