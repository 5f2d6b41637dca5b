package ro.cluj.crt.events.api;

import ro.cluj.crt.events.vocabulary.Sector;

/**
 * An organisation as a report names it. For the public, an organisation that consented to publication without its
 * name appears with {@code organisationId} and {@code name} absent and {@code named} false.
 */
public record ActorView(String organisationId, String name, Sector sector, boolean named) {
}
