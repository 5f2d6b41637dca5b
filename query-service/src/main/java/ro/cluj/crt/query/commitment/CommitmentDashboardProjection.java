package ro.cluj.crt.query.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.CommitmentState;
import ro.cluj.crt.events.api.CommitmentState.MilestoneState;
import ro.cluj.crt.events.commitment.CoSignerAdded;
import ro.cluj.crt.events.commitment.CoSignerWithdrawn;
import ro.cluj.crt.events.commitment.CommitmentEvent;
import ro.cluj.crt.events.commitment.CommitmentMade;
import ro.cluj.crt.query.config.ViewJson;

/**
 * One row per commitment with where it stands, for the dashboard. Each event is folded into the state kept in the
 * row, with the same fold that answers a commitment's state from its timeline, so the two never disagree. A row
 * remembers the sequence number of the last event folded in, so an event delivered twice is folded once.
 */
@Component
@ProcessingGroup(CommitmentTimelineProjection.PROCESSING_GROUP)
public class CommitmentDashboardProjection {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };
    private static final TypeReference<CommitmentState> STATE = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    public CommitmentDashboardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitmentEvent event, DomainEventMessage<?> message) {
        String id = event.commitmentId().value();
        long sequence = message.getSequenceNumber();
        CommitmentState previous = jdbc.query("SELECT state FROM commitment_dashboard WHERE commitment_id = ?",
                (row, i) -> ViewJson.read(row.getString("state"), STATE), id).stream().findFirst().orElse(null);
        if (previous != null && previous.lastSequence() >= sequence) {
            return;
        }
        OffsetDateTime at = message.getTimestamp().atOffset(ZoneOffset.UTC);
        CommitmentStates.Step step = new CommitmentStates.Step(event.getClass().getSimpleName(), sequence,
                ViewJson.read(ViewJson.write(event), CONTENT));
        CommitmentState state = CommitmentStates.next(previous, id, step, at.toLocalDate());
        CommitmentState.Progress progress = state.latestProgress();
        CommitmentState.Review review = state.latestReview();
        jdbc.update("""
                INSERT INTO commitment_dashboard (commitment_id, last_sequence, status, title, field, kind,
                    lead_organisation_id, co_signer_ids, session_id, start_date, target_date, next_due_date,
                    missed_milestones, progress_status, percentage, progress_for, assessment, made_at, changed_at,
                    state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (commitment_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    status = excluded.status, title = excluded.title, field = excluded.field, kind = excluded.kind,
                    lead_organisation_id = excluded.lead_organisation_id, co_signer_ids = excluded.co_signer_ids,
                    session_id = excluded.session_id, start_date = excluded.start_date,
                    target_date = excluded.target_date,
                    next_due_date = excluded.next_due_date, missed_milestones = excluded.missed_milestones,
                    progress_status = excluded.progress_status, percentage = excluded.percentage,
                    progress_for = excluded.progress_for, assessment = excluded.assessment,
                    changed_at = excluded.changed_at, state = excluded.state""",
                id, sequence, state.status(), state.title(), state.field(), state.kind(), state.leadOrganisationId(),
                ViewJson.write(state.coSignerIds()), state.sessionId(), state.startDate(), state.targetDate(),
                nextDueDate(state),
                (int) state.milestones().stream().filter(m -> m.status().equals("missed")).count(),
                progress == null ? null : progress.status(), progress == null ? null : progress.percentage(),
                progress == null ? null : progress.reportedFor(), review == null ? null : review.assessment(),
                at, at, ViewJson.write(state));
        if (event instanceof CommitmentMade || event instanceof CoSignerAdded || event instanceof CoSignerWithdrawn) {
            parties(state);
        }
    }

    /**
     * The earliest due date not met while the commitment is open: a milestone's that is open or was missed, or the
     * target date.
     */
    static LocalDate nextDueDate(CommitmentState state) {
        if (!state.status().equals("open")) {
            return null;
        }
        return Stream.concat(state.milestones().stream().filter(m -> !m.status().equals("achieved"))
                                .map(MilestoneState::dueDate), Stream.of(state.targetDate()))
                .filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    private void parties(CommitmentState state) {
        jdbc.update("DELETE FROM commitment_party WHERE commitment_id = ?", state.commitmentId());
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {state.commitmentId(), state.leadOrganisationId(), "lead"});
        state.coSignerIds().forEach(coSigner -> rows.add(new Object[] {state.commitmentId(), coSigner, "co-signer"}));
        jdbc.batchUpdate("INSERT INTO commitment_party (commitment_id, organisation_id, role) VALUES (?, ?, ?)",
                rows);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commitment_dashboard");
        jdbc.update("DELETE FROM commitment_party");
    }
}
