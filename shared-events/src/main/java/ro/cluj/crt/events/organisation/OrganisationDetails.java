package ro.cluj.crt.events.organisation;

import java.util.List;
import ro.cluj.crt.events.vocabulary.AuthorityLevel;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;

/**
 * What the tracker knows about an organisation itself. Organisations are not persons: nothing here is personal data.
 *
 * @param authorityLevel only for a public authority, and only when known
 * @param fields         the fields of activity, in the order given
 * @param locality       where it works, in words (a town, a county, a country)
 */
public record OrganisationDetails(String name, Sector sector, AuthorityLevel authorityLevel, List<Field> fields,
                                  String locality) {

    public OrganisationDetails {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
