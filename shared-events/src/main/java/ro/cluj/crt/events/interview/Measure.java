package ro.cluj.crt.events.interview;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.vocabulary.Field;

/**
 * An emergency measure an organisation took, as told in an interview or documented from a source.
 *
 * @param measureId   stable across amendments of the interview, so that lessons can trace to it
 * @param fieldDetail the source's own category, kept beside the field
 * @param industries  industry codes (NACE) when the source gives them
 * @param partners    the other actors involved, in words
 * @param reach       how far it went: people served, use made of it
 * @param evidence    where it is documented (links or references)
 * @param endDate     absent while the measure is in force or open-ended
 */
public record Measure(String measureId, String title, Field field, String fieldDetail, String description,
                      List<String> targetGroups, LocalDate startDate, LocalDate endDate, List<String> partners,
                      String reach, List<String> industries, List<String> evidence) {

    public Measure {
        targetGroups = listOf(targetGroups);
        partners = listOf(partners);
        industries = listOf(industries);
        evidence = listOf(evidence);
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
