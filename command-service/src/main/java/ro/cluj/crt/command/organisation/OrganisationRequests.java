package ro.cluj.crt.command.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import ro.cluj.crt.command.write.ExternalReferenceRequest;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.command.write.Texts;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.events.vocabulary.AuthorityLevel;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;

/** The bodies of the organisation endpoints. */
final class OrganisationRequests {

    private OrganisationRequests() {
    }

    /** Register an organisation; {@code id} or {@code externalReference} make a repeat recognisable. */
    record Registration(String id, @NotBlank @Size(max = 500) String name, @NotNull Sector sector,
                        AuthorityLevel authorityLevel, @Size(max = 20) List<Field> fields,
                        @Size(max = 500) String locality, @Valid ExternalReferenceRequest externalReference) {

        OrganisationDetails details() {
            return new OrganisationDetails(name.strip(), sector, authorityLevel, fields, Texts.optional(locality));
        }
    }

    /** Correct an organisation's details: the whole new details, and why. */
    record Correction(@NotBlank @Size(max = 500) String name, @NotNull Sector sector, AuthorityLevel authorityLevel,
                      @Size(max = 20) List<Field> fields, @Size(max = 500) String locality,
                      @NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {

        OrganisationDetails details() {
            return new OrganisationDetails(name.strip(), sector, authorityLevel, fields, Texts.optional(locality));
        }
    }
}
