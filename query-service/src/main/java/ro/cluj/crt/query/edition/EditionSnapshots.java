package ro.cluj.crt.query.edition;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.ActorView;
import ro.cluj.crt.events.api.EditionView;
import ro.cluj.crt.events.api.EditionView.Changes;
import ro.cluj.crt.events.api.EditionView.PublishedMeasure;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.events.api.ReportView.SupportNeedCount;
import ro.cluj.crt.events.edition.EditionPublished;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.query.report.ReportQueries;

/**
 * Takes an edition's snapshot from the catalogue view as it stands, and its canonical bytes and hash. Everything in
 * it is in a fixed order, so the same history gives the same bytes.
 */
@Component
class EditionSnapshots {

    static final int FORMAT = 1;
    private static final TypeReference<EditionView> VIEW = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ReportQueries reports;

    EditionSnapshots(JdbcTemplate jdbc, ReportQueries reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /** An edition's canonical JSON and the SHA-256 of its UTF-8 bytes, in hex. */
    record Sealed(EditionView view, String canonicalJson, String sha256) {
    }

    Sealed take(EditionPublished event, long position) {
        ReportView report = reports.report(false);
        List<PublishedMeasure> measures = publishedMeasures();
        Changes changes = changes(event.number(), report, measures);
        EditionView view = new EditionView(FORMAT, event.number(), event.publishedOn(), event.weekOf(),
                event.title(), event.note(), event.corrects(), event.reason(), position, report, measures, changes);
        String canonical = canonical(ViewJson.write(view));
        return new Sealed(view, canonical, sha256(canonical));
    }

    private List<PublishedMeasure> publishedMeasures() {
        return jdbc.query("""
                SELECT m.measure_id, m.field, m.consent, o.organisation_id, o.name, o.sector,
                       i.content -> 'measures' -> m.position ->> 'title' AS title
                FROM measure m JOIN interview i USING (interview_id)
                               JOIN organisation o ON o.organisation_id = m.organisation_id
                WHERE m.consent IN ('publish', 'publish-without-name')
                ORDER BY m.measure_id, m.interview_id, m.position""", (row, i) -> {
                    boolean named = row.getString("consent").equals("publish");
                    return new PublishedMeasure(row.getString("measure_id"), row.getString("title"),
                            Field.fromCode(row.getString("field")), named ? row.getString("organisation_id") : null,
                            named ? row.getString("name") : null, Sector.fromCode(row.getString("sector")));
                });
    }

    /** What changed since the edition numbered just below this one. */
    private Changes changes(int number, ReportView report, List<PublishedMeasure> measures) {
        Optional<EditionView> previous = jdbc.query(
                "SELECT content FROM edition WHERE number < ? ORDER BY number DESC LIMIT 1",
                (row, i) -> ViewJson.read(row.getString("content"), VIEW), number).stream().findFirst();
        List<PublishedMeasure> before = previous.map(EditionView::measures).orElse(List.of());
        Set<String> measuresBefore = before.stream().map(PublishedMeasure::measureId).collect(Collectors.toSet());
        Set<String> measuresNow = measures.stream().map(PublishedMeasure::measureId).collect(Collectors.toSet());
        Set<String> namedBefore = before.stream().map(PublishedMeasure::organisationId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, ActorView> newlyNamed = new LinkedHashMap<>();
        measures.stream().filter(m -> m.organisationId() != null && !namedBefore.contains(m.organisationId()))
                .sorted(java.util.Comparator.comparing(PublishedMeasure::organisationName)
                        .thenComparing(PublishedMeasure::organisationId))
                .forEach(m -> newlyNamed.putIfAbsent(m.organisationId(),
                        new ActorView(m.organisationId(), m.organisationName(), m.sector(), true)));
        List<SupportNeedCount> needsBefore = previous.map(p -> p.report().supportNeeds()).orElse(List.of());
        return new Changes(previous.map(EditionView::number).orElse(null),
                previous.map(p -> p.report().totals().organisations()).orElse(0L),
                report.totals().organisations(), new ArrayList<>(newlyNamed.values()),
                measures.stream().filter(m -> !measuresBefore.contains(m.measureId())).toList(),
                before.stream().map(PublishedMeasure::measureId).filter(id -> !measuresNow.contains(id)).toList(),
                onlyIn(report.supportNeeds(), needsBefore), onlyIn(needsBefore, report.supportNeeds()));
    }

    /** The support needs of {@code these} whose kind, horizon, sector and field do not appear in {@code those}. */
    private static List<SupportNeedCount> onlyIn(List<SupportNeedCount> these, List<SupportNeedCount> those) {
        Set<List<Object>> keys = those.stream().map(EditionSnapshots::key).collect(Collectors.toSet());
        return these.stream().filter(need -> !keys.contains(key(need))).toList();
    }

    private static List<Object> key(SupportNeedCount need) {
        return java.util.Arrays.asList(need.kind(), need.horizon(), need.sector(), need.field());
    }

    static String canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("an edition cannot be put in canonical form", e);
        }
    }

    static String sha256(String canonicalJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
