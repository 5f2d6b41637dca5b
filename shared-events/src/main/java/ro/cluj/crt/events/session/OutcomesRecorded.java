package ro.cluj.crt.events.session;

import java.util.List;
import ro.cluj.crt.events.EventRevision;

/**
 * Staff recorded outcomes of a held session. Each recording adds to the earlier ones. The commitments made are linked
 * by id, one way: the link lives only in the session's history, the commitments themselves are not changed.
 */
@EventRevision("1")
public record OutcomesRecorded(SessionId sessionId, List<String> recommendations,
                               List<IdentifiedSupportNeed> supportNeeds, List<VolunteeredSupport> volunteeredSupport,
                               List<String> commitmentIds) implements SessionEvent {

    public OutcomesRecorded {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        supportNeeds = supportNeeds == null ? List.of() : List.copyOf(supportNeeds);
        volunteeredSupport = volunteeredSupport == null ? List.of() : List.copyOf(volunteeredSupport);
        commitmentIds = commitmentIds == null ? List.of() : List.copyOf(commitmentIds);
    }
}
