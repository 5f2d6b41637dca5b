package ro.cluj.crt.importer;

import java.util.List;

/**
 * A kind of actor as the files name it, with the sector and level SOURCES.md gives it, and whether it is one body
 * per country (one organisation per country) or a different body in each case (one organisation per record).
 */
record ActorKind(String label, Sector sector, AuthorityLevel level, boolean onePerCountry) {

    /** The {@code source} of the external references of organisations, apart from those of the data sets. */
    static final String ORGANISATION_SOURCE = "crt-importer-organisation";

    static final String NATIONAL_GOVERNMENT = "National government";

    private static final List<ActorKind> KNOWN = List.of(
            national(NATIONAL_GOVERNMENT),
            new ActorKind("Local / regional government", Sector.PUBLIC_AUTHORITY, null, false),
            national("Public employment service"),
            national("Social insurance"),
            national("Public support service providers"),
            new ActorKind("EU (Council, EC, EP)", Sector.PUBLIC_AUTHORITY, AuthorityLevel.EUROPEAN, true),
            perCase("Company / Companies", Sector.BUSINESS),
            perCase("Trade unions", Sector.CIVIL_SOCIETY),
            perCase("Employers' organisations", Sector.CIVIL_SOCIETY),
            perCase("Social partners jointly", Sector.CIVIL_SOCIETY),
            perCase("Other social actors (e.g. NGOs)", Sector.CIVIL_SOCIETY));

    /** The kind with this label; an unknown label is a per-case body of sector "other". */
    static ActorKind of(String label) {
        return KNOWN.stream()
                .filter(kind -> kind.label().equals(label))
                .findFirst()
                .orElseGet(() -> perCase(label, Sector.OTHER));
    }

    /** The organisation of this kind in a country that took the measure documented as {@code caseId}. */
    Bodies.Organisation organisation(String country, String caseId) {
        if (onePerCountry) {
            return new Bodies.Organisation(label + " (" + country + ")", sector, level, country,
                    new Bodies.ExternalReference(ORGANISATION_SOURCE, label + " | " + country));
        }
        return new Bodies.Organisation(label + " (" + country + ", " + caseId + ")", sector, level, country,
                new Bodies.ExternalReference(ORGANISATION_SOURCE, caseId));
    }

    private static ActorKind national(String label) {
        return new ActorKind(label, Sector.PUBLIC_AUTHORITY, AuthorityLevel.NATIONAL, true);
    }

    private static ActorKind perCase(String label, Sector sector) {
        return new ActorKind(label, sector, null, false);
    }
}
