package ro.cluj.crt.events.person;

/**
 * How to reach a contact person, every field personal data and sealed with the person's key. A field left out is
 * null.
 *
 * @param role              the person's role in the organisation
 * @param preferredLanguage a language tag such as {@code ro} or {@code en}
 */
public record ContactDetails(Sealed name, Sealed role, Sealed email, Sealed phone, Sealed preferredLanguage) {
}
