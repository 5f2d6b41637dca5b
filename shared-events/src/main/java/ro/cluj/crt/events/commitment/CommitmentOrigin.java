package ro.cluj.crt.events.commitment;

import java.util.List;

/**
 * Where a commitment comes from: the working session it was made at and the lessons it answers, by id. Either may
 * be absent until sessions and lessons are recorded in the tracker.
 */
public record CommitmentOrigin(String sessionId, List<String> lessonIds) {

    public CommitmentOrigin {
        lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
    }
}
