package ro.cluj.crt.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Maps an OxCGRT row: one measure of the national government of its country, the indicator as its field, its
 * period, and its note as description and (the addresses in it) evidence.
 */
final class OxcgrtMapper implements RecordMapper {

    static final String SOURCE = "oxcgrt";
    static final List<String> COLUMNS =
            List.of("CountryName", "CountryCode", "StartDate", "EndDate", "PolicyType", "PolicyValue", "Flag",
                    "InitialNote");

    private static final SourceRecord.DatePattern DATE = new SourceRecord.DatePattern(
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT), "yyyymmdd");
    private static final Bodies.Source PUBLISHED = new Bodies.Source(
            "Oxford COVID-19 Government Response Tracker (OxCGRT)",
            "https://github.com/OxCGRT/covid-policy-tracker/blob/00095550234e09ee5befb67a20378896a293fe32"
                    + "/data/OxCGRT_latest_responses.csv",
            "Oxford COVID-19 Government Response Tracker (OxCGRT), Blavatnik School of Government, University of"
                    + " Oxford; repository OxCGRT/covid-policy-tracker, file data/OxCGRT_latest_responses.csv at"
                    + " commit 00095550234e09ee5befb67a20378896a293fe32; licensed under CC BY 4.0",
            "CC BY 4.0");

    @Override
    public Submission map(SourceRecord record) throws BadRecordException {
        String country = record.required("CountryName");
        String countryCode = record.required("CountryCode");
        String policyType = record.required("PolicyType");
        LocalDate start = record.requiredDate("StartDate", DATE);
        LocalDate end = record.date("EndDate", DATE);
        Periods.check(start, end, "EndDate");
        String note = record.text("InitialNote");
        if (note == null) {
            throw new BadRecordException("column 'InitialNote' is empty, and a measure needs a description");
        }
        Bodies.Measure measure = new Bodies.Measure(policyType, FieldRules.forIndicator(policyType),
                detail(record, policyType), note, List.of(), start, end, List.of(), null, List.of(),
                Links.in(note));
        String id = countryCode + "/" + policyType + "/" + record.required("StartDate");
        Bodies.Interview interview = new Bodies.Interview(start, Bodies.CHANNEL, Bodies.CONSENT, PUBLISHED,
                new Bodies.ExternalReference(SOURCE, id), List.of(measure));
        Bodies.Organisation government = ActorKind.of(ActorKind.NATIONAL_GOVERNMENT).organisation(country, id);
        return new Submission(record.where(), government, interview);
    }

    /** The indicator with its ordinal value and flag, explained as far as SOURCES.md explains them. */
    private static String detail(SourceRecord record, String policyType) {
        StringBuilder detail = new StringBuilder(policyType);
        String value = record.text("PolicyValue");
        if (value != null) {
            detail.append("; policy value ").append(value).append(" (ordinal strictness)");
        }
        String flag = record.text("Flag");
        if (flag != null) {
            detail.append("; flag ").append(flag).append(switch (flag) {
                case "0" -> " (targeted)";
                case "1" -> " (general)";
                default -> "";
            });
        }
        return detail.toString();
    }
}
