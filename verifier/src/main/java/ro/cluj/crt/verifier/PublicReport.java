package ro.cluj.crt.verifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public report's numbers recomputed from events, by the rules the tracker documents: an organisation counts in
 * the sector its latest details give; an interview counts in its latest version and not at all once retracted (an
 * amendment after a retraction changes nothing); only interviews whose consent is {@code publish} or
 * {@code publish-without-name} count in public. Written from those rules over the event payloads, not from the
 * query service's SQL, so that the two can disagree.
 *
 * @param byField      per field code: organisations and measures
 * @param bySector     per sector code: organisations with a counted interview, and their measures
 * @param measureIds   the ids of the published measures, sorted
 */
record PublicReport(long organisations, long interviews, long measures, Map<String, List<Long>> byField,
                    Map<String, List<Long>> bySector, List<String> measureIds) {

    private static final Set<String> PUBLIC = Set.of("publish", "publish-without-name");

    /** An interview as its latest counted version left it. */
    private static final class Interview {
        final String organisationId;
        boolean active = true;
        String consent;
        String measuresOrganisationId;
        List<CatalogueFacts.MeasureRow> measures;

        Interview(String organisationId) {
            this.organisationId = organisationId;
        }
    }

    /** Folds the facts, which must be in global index order, into the report's numbers. */
    static PublicReport of(List<CatalogueFacts.Fact> facts) {
        Map<String, String> sectors = new HashMap<>();
        Map<String, Interview> interviews = new LinkedHashMap<>();
        for (CatalogueFacts.Fact fact : facts) {
            switch (fact.type()) {
                case CatalogueFacts.ORGANISATION_REGISTERED ->
                        sectors.putIfAbsent(fact.organisationId(), fact.sector());
                case CatalogueFacts.ORGANISATION_CORRECTED -> sectors.computeIfPresent(fact.organisationId(),
                        (id, sector) -> fact.sector());
                case CatalogueFacts.INTERVIEW_RECORDED -> interviews.computeIfAbsent(fact.interviewId(), id -> {
                    Interview interview = new Interview(fact.organisationId());
                    takeContent(interview, fact);
                    return interview;
                });
                case CatalogueFacts.INTERVIEW_AMENDED -> {
                    Interview interview = interviews.get(fact.interviewId());
                    if (interview != null && interview.active) {
                        takeContent(interview, fact);
                    }
                }
                case CatalogueFacts.INTERVIEW_RETRACTED -> {
                    Interview interview = interviews.get(fact.interviewId());
                    if (interview != null) {
                        interview.active = false;
                    }
                }
                default -> {
                    // an edition's own event counts nothing
                }
            }
        }
        return count(sectors, interviews.values());
    }

    private static void takeContent(Interview interview, CatalogueFacts.Fact fact) {
        interview.consent = fact.consent();
        interview.measures = fact.measures();
        interview.measuresOrganisationId = fact.organisationId();
    }

    private static PublicReport count(Map<String, String> sectors, Iterable<Interview> all) {
        Set<String> organisations = new HashSet<>();
        long interviews = 0;
        List<String> measureIds = new ArrayList<>();
        Map<String, Set<String>> fieldOrganisations = new TreeMap<>();
        Map<String, Long> fieldMeasures = new TreeMap<>();
        Map<String, Set<String>> sectorOrganisations = new TreeMap<>();
        Map<String, Long> sectorMeasures = new HashMap<>();
        for (Interview interview : all) {
            if (!interview.active || !PUBLIC.contains(interview.consent)) {
                continue;
            }
            interviews++;
            organisations.add(interview.organisationId);
            sectorOrganisations.computeIfAbsent(sector(sectors, interview.organisationId), s -> new HashSet<>())
                    .add(interview.organisationId);
            for (CatalogueFacts.MeasureRow measure : interview.measures) {
                measureIds.add(measure.measureId());
                fieldOrganisations.computeIfAbsent(measure.field(), f -> new HashSet<>())
                        .add(interview.measuresOrganisationId);
                fieldMeasures.merge(measure.field(), 1L, Long::sum);
                sectorMeasures.merge(sector(sectors, interview.measuresOrganisationId), 1L, Long::sum);
            }
        }
        Map<String, List<Long>> byField = new TreeMap<>();
        fieldOrganisations.forEach((field, orgs) -> byField.put(field, List.of((long) orgs.size(),
                fieldMeasures.get(field))));
        Map<String, List<Long>> bySector = new TreeMap<>();
        // a sector is listed when it has an organisation with a counted interview, as in the published report
        sectorOrganisations.forEach((sector, orgs) -> bySector.put(sector, List.of((long) orgs.size(),
                sectorMeasures.getOrDefault(sector, 0L))));
        measureIds.sort(null);
        return new PublicReport(organisations.size(), interviews, measureIds.size(), byField, bySector,
                List.copyOf(measureIds));
    }

    /** An interview of an organisation never registered names no sector; it shows as "unregistered". */
    private static String sector(Map<String, String> sectors, String organisationId) {
        return sectors.getOrDefault(organisationId, "unregistered");
    }
}
