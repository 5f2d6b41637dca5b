package ro.cluj.crt.query.commitment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ro.cluj.crt.events.api.CommitmentSummary;
import ro.cluj.crt.events.api.Scorecard;
import ro.cluj.crt.query.config.CsvCells;

/**
 * The dashboard's lists as CSV, with stable snake_case column names (RFC 4180, UTF-8, CRLF line ends). A list of ids
 * is one cell with the ids separated by semicolons; texts are kept from being read as formulas ({@link CsvCells}).
 */
final class DashboardCsv {

    static final String[] COMMITMENT_COLUMNS = {"commitment_id", "title", "field", "kind", "lead_organisation_id",
        "lead_organisation_name", "co_signer_ids", "session_id", "status", "standing", "start_date", "target_date",
        "next_due_date", "missed_milestones", "progress_status", "percentage", "progress_for", "assessment",
        "made_at", "changed_at", "last_sequence"};

    static final String[] SCORECARD_COLUMNS = {"organisation_id", "name", "made", "on_track", "at_risk", "late",
        "fulfilled", "abandoned"};

    private DashboardCsv() {
    }

    /** Writes the header, then each row the source hands over. */
    static String commitments(Consumer<Consumer<CommitmentSummary>> source) {
        return write(COMMITMENT_COLUMNS, printer -> source.accept(c -> print(printer, c.commitmentId(), c.title(),
                c.field(), c.kind(), c.leadOrganisationId(), c.leadOrganisationName(),
                String.join(";", c.coSignerIds()), c.sessionId(), c.status(), c.standing(), c.startDate(),
                c.targetDate(), c.nextDueDate(), c.missedMilestones(), c.progressStatus(), c.percentage(),
                c.progressFor(), c.assessment(), c.madeAt(), c.changedAt(), c.lastSequence())));
    }

    static String scorecards(Consumer<Consumer<Scorecard>> source) {
        return write(SCORECARD_COLUMNS, printer -> source.accept(s -> print(printer, s.organisationId(), s.name(),
                s.made(), s.onTrack(), s.atRisk(), s.late(), s.fulfilled(), s.abandoned())));
    }

    private static String write(String[] columns, Consumer<CSVPrinter> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns).get().print(out)) {
            rows.accept(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(CSVPrinter printer, Object... values) {
        try {
            printer.printRecord(Arrays.stream(values).map(CsvCells::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
