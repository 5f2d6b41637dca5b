package ro.cluj.crt.importer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The field of a measure from the source's own category or indicator, by the table in SOURCES.md. */
final class FieldRules {

    private static final Map<String, Field> EUROFOUND_CATEGORIES = Map.of(
            "Protection of workers, adaptation of workplace", Field.WORK_AND_WORKPLACES,
            "Employment protection and retention", Field.EMPLOYMENT_AND_INCOME,
            "Income protection beyond short-time work", Field.EMPLOYMENT_AND_INCOME,
            "Measures to prevent social hardship", Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS,
            "Supporting businesses to stay afloat", Field.BUSINESS_CONTINUITY,
            "Supporting businesses to get back to normal", Field.BUSINESS_CONTINUITY,
            "Reorientation of business activities", Field.BUSINESS_CONTINUITY,
            "Ensuring business continuity and support for essential services", Field.BUSINESS_CONTINUITY,
            "Promoting the economic, labour market and social recovery", Field.ECONOMIC_RECOVERY);

    /** An OxCGRT policy type starts with its indicator code: a letter, a number and a colon. */
    private static final Pattern INDICATOR = Pattern.compile("([CEH])([1-9][0-9]?):.*", Pattern.DOTALL);

    private FieldRules() {
    }

    /** The field of a Eurofound category; an empty or unknown category is "other". */
    static Field forCategory(String category) {
        return category == null ? Field.OTHER : EUROFOUND_CATEGORIES.getOrDefault(category, Field.OTHER);
    }

    /** The field of an OxCGRT policy type such as {@code C1: School closing}; a malformed one is "other". */
    static Field forIndicator(String policyType) {
        Matcher matcher = policyType == null ? null : INDICATOR.matcher(policyType);
        if (matcher == null || !matcher.matches()) {
            return Field.OTHER;
        }
        int number = Integer.parseInt(matcher.group(2));
        return switch (matcher.group(1)) {
            case "C" -> containment(number);
            case "E" -> number <= 4 ? Field.EMPLOYMENT_AND_INCOME : Field.OTHER;
            default -> health(number);
        };
    }

    private static Field containment(int number) {
        return switch (number) {
            case 1 -> Field.EDUCATION_AND_CHILDCARE;
            case 2 -> Field.WORK_AND_WORKPLACES;
            case 3, 4, 5, 6, 7, 8 -> Field.MOBILITY_AND_GATHERINGS;
            default -> Field.OTHER;
        };
    }

    private static Field health(int number) {
        if (number == 1) {
            return Field.PUBLIC_INFORMATION;
        }
        return number <= 8 ? Field.HEALTH : Field.OTHER;
    }
}
