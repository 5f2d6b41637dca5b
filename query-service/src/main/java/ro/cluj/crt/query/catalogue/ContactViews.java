package ro.cluj.crt.query.catalogue;

import java.util.List;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.PersonView;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.personal.PersonalDataVault;
import ro.cluj.crt.personal.Revealed;

/**
 * Opens people for a reader: with their fields for readers allowed to see personal data, withheld for the others, and
 * erased for everyone once the person's key is gone. Contact people of organisations and people who recommend an
 * initiative are shown the same way.
 */
@Component
public class ContactViews {

    private final PersonalDataVault vault;

    public ContactViews(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** A contact person as stored in the view: the person, the organisation and the sealed details. */
    public record StoredContact(PersonId personId, String organisationId, ContactDetails details) {
    }

    public List<PersonView> of(List<StoredContact> contacts, boolean personalData) {
        PersonalDataVault.Openers openers = vault.openerFor(contacts.stream().map(StoredContact::personId).toList());
        return contacts.stream().map(contact -> view(contact, openers.forPerson(contact.personId()), personalData))
                .toList();
    }

    /** One person with details sealed with their key, such as the recommender of an initiative. */
    public PersonView of(PersonId person, ContactDetails details, boolean personalData) {
        return view(person.value(), details, vault.openerFor(person), personalData);
    }

    private static PersonView view(StoredContact contact, PersonalDataVault.Opener opener, boolean personalData) {
        return view(contact.personId().value(), contact.details(), opener, personalData);
    }

    private static PersonView view(String id, ContactDetails details, PersonalDataVault.Opener opener,
                                   boolean personalData) {
        if (opener.open(details.name()) instanceof Revealed.Erased erased) {
            return PersonView.erased(id, erased.erasedAt());
        }
        if (!personalData) {
            return PersonView.withheld(id);
        }
        return new PersonView(id, text(opener, details.name()), text(opener, details.role()),
                text(opener, details.email()), text(opener, details.phone()),
                text(opener, details.preferredLanguage()), null, null, null);
    }

    private static String text(PersonalDataVault.Opener opener, Sealed sealed) {
        return opener.open(sealed) instanceof Revealed.Value value ? value.text() : null;
    }
}
