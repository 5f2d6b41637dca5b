package ro.cluj.crt.events.api;

/** One value of a controlled vocabulary as clients show it. */
public record VocabularyEntry(String code, String english, String romanian) {
}
