package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The tracker's answer to an accepted write: the id, its version and the event store position of the write. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Receipt(String id, long version, long position) {
}
