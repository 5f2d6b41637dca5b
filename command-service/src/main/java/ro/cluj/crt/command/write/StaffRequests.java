package ro.cluj.crt.command.write;

import java.util.Locale;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.CorrelationIds;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * What every staff write shares: the metadata that records who asked, from which request and why, and the rule by
 * which a create gets its aggregate id.
 */
@Component
public class StaffRequests {

    private static final int MAX_KEY_LENGTH = 200;

    private final AggregateDirectory directory;
    private final FreshIds freshIds;

    public StaffRequests(AggregateDirectory directory, FreshIds freshIds) {
        this.directory = directory;
        this.freshIds = freshIds;
    }

    /** The version an update was based on, from {@code If-Match} ({@code 3} or {@code "3"}), or null without one. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("If-Match", "must be the version the change is based on, as a number");
    }

    /** Answers 404 unless {@code id} names an aggregate of this type; for ids named in the path. */
    public void requireExisting(String id, Class<?> aggregateType) {
        if (!directory.exists(id, aggregateType)) {
            throw new NotFoundException("no " + aggregateType.getSimpleName()
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + " with this id");
        }
    }

    /** Metadata for a command a staff member sends; {@code reason} may be null where no reason applies. */
    public MetaData metadata(String reason) {
        return metadata(Role.STAFF, reason);
    }

    /** Metadata for a command sent under {@code role}; {@code reason} may be null where no reason applies. */
    public MetaData metadata(Role role, String reason) {
        Actor actor = Actor.current().orElseThrow(() -> new IllegalStateException("a write without a login"));
        MetaData metaData = MetaData.with(EventMetadata.ACTOR_ID, actor.accountId())
                .and(EventMetadata.ACTOR_ROLE, role.code())
                .and(EventMetadata.CORRELATION_ID, CorrelationIds.current());
        return reason == null ? metaData : metaData.and(EventMetadata.REASON, reason);
    }

    /**
     * The id a create addresses: the client's own id; else one derived from the external reference or from the
     * {@code Idempotency-Key}, so that a repeat addresses the same aggregate; else a new one. An id already taken by
     * another kind of aggregate is a conflict (a new random id needs no such check). An {@code Idempotency-Key} beside
     * an id or an external reference is refused: the two would disagree on what a repeat is.
     */
    public String idForCreate(Class<?> aggregateType, String clientId, String externalKey, String idempotencyKey) {
        if (idempotencyKey != null && (clientId != null || externalKey != null)) {
            throw new InvalidRequestException("Idempotency-Key",
                    "give either an Idempotency-Key or an id or externalReference in the body, not both");
        }
        String id;
        if (clientId != null) {
            if (!Identifiers.isValid(clientId)) {
                throw new InvalidRequestException("id", "must have 1 to 64 letters, digits, '-' or '_'");
            }
            id = clientId;
        } else if (externalKey != null) {
            id = Identifiers.derivedFrom(aggregateType.getSimpleName(), "external:" + externalKey);
        } else if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
                throw new InvalidRequestException("Idempotency-Key", "must have 1 to " + MAX_KEY_LENGTH
                        + " characters");
            }
            String actor = Actor.current().map(Actor::accountId).orElse("");
            id = Identifiers.derivedFrom(aggregateType.getSimpleName(), "key:" + actor + ":" + idempotencyKey);
        } else {
            return freshIds.draw();
        }
        directory.typeOf(id).filter(type -> !type.equals(aggregateType.getSimpleName())).ifPresent(type -> {
            throw new ConflictException("taken", "the id is already used by something else");
        });
        return id;
    }
}
