package ro.cluj.crt.events.api;

import ro.cluj.crt.events.vocabulary.AuthorityLevel;
import ro.cluj.crt.events.vocabulary.Sector;

/** An organisation in a list, with how many of its interviews and measures the reader may see. */
public record OrganisationSummary(String id, String name, Sector sector, AuthorityLevel authorityLevel,
                                  String locality, long interviews, long measures) {
}
