package ro.cluj.crt.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a published edition (its canonical JSON as served) with the public report recomputed from the exported
 * events before the edition's {@code position}: the totals, the counts by field and by sector, and the ids of the
 * published measures. Each difference is a problem that names the edition and the number.
 */
final class EditionCheck {

    private EditionCheck() {
    }

    /** @return the recomputed report, or null when it could not be recomputed */
    static PublicReport check(String name, JsonNode edition, CatalogueFacts facts, Long firstLink, Problems problems) {
        int number = edition.path("number").asInt(-1);
        long position = edition.path("position").asLong(-1);
        String label = "edition " + number + " (" + name + ")";
        if (number < 1 || position < 1 || !edition.path("report").isObject()) {
            problems.add(label + ": not an edition: number, position or report missing");
            return null;
        }
        if (firstLink == null || firstLink != 1) {
            problems.add(label + ": cannot be recomputed: the export does not start at link 1");
            return null;
        }
        if (!Objects.equals(facts.editionAt(position), number)) {
            problems.add(label + ": the export has no EditionPublished of number " + number + " at global index "
                    + position);
        }
        PublicReport recomputed = PublicReport.of(facts.before(position));
        JsonNode report = edition.path("report");
        JsonNode totals = report.path("totals");
        compare(label, "totals.organisations", totals.path("organisations").asLong(-1), recomputed.organisations(),
                problems);
        compare(label, "totals.interviews", totals.path("interviews").asLong(-1), recomputed.interviews(), problems);
        compare(label, "totals.measures", totals.path("measures").asLong(-1), recomputed.measures(), problems);
        compareCounts(label, "byField", counts(report.path("byField"), "field"), recomputed.byField(), problems);
        compareCounts(label, "bySector", counts(report.path("bySector"), "sector"), recomputed.bySector(), problems);
        compareMeasures(label, edition.path("measures"), recomputed.measureIds(), problems);
        return recomputed;
    }

    private static void compare(String label, String what, long published, long recomputed, Problems problems) {
        if (published != recomputed) {
            problems.add(label + ": " + what + " is " + published + ", the events give " + recomputed);
        }
    }

    private static Map<String, List<Long>> counts(JsonNode rows, String key) {
        Map<String, List<Long>> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.path(key).asText(), List.of(row.path("organisations").asLong(-1),
                row.path("measures").asLong(-1))));
        return counts;
    }

    private static void compareCounts(String label, String what, Map<String, List<Long>> published,
                                      Map<String, List<Long>> recomputed, Problems problems) {
        TreeSet<String> keys = new TreeSet<>(published.keySet());
        keys.addAll(recomputed.keySet());
        for (String key : keys) {
            List<Long> shown = published.getOrDefault(key, List.of(0L, 0L));
            List<Long> counted = recomputed.getOrDefault(key, List.of(0L, 0L));
            if (!published.containsKey(key) || !recomputed.containsKey(key) || !shown.equals(counted)) {
                problems.add(label + ": " + what + "[" + key + "] is " + describe(published.get(key))
                        + ", the events give " + describe(recomputed.get(key)));
            }
        }
    }

    private static String describe(List<Long> counts) {
        return counts == null ? "absent" : counts.get(0) + " organisations, " + counts.get(1) + " measures";
    }

    /** Compared as sorted lists: the published order follows the database's collation, not Java's. */
    private static void compareMeasures(String label, JsonNode measures, List<String> recomputed,
                                        Problems problems) {
        List<String> published = new ArrayList<>();
        measures.forEach(measure -> published.add(measure.path("measureId").asText()));
        published.sort(null);
        if (published.equals(recomputed)) {
            return;
        }
        List<String> missing = new ArrayList<>(recomputed);
        published.forEach(missing::remove);
        List<String> extra = new ArrayList<>(published);
        recomputed.forEach(extra::remove);
        problems.add(label + ": published measures: " + published.size() + " listed, the events give "
                + recomputed.size() + "; not listed: " + first(missing) + "; listed but not in the events: "
                + first(extra));
    }

    private static String first(List<String> ids) {
        return ids.size() <= 10 ? ids.toString() : ids.subList(0, 10) + " and " + (ids.size() - 10) + " more";
    }
}
