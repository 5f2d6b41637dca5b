package ro.cluj.crt.events.vocabulary;

/**
 * A controlled vocabulary value: a stable code used in the API and in stored events, with its English and Romanian
 * labels for people.
 */
public interface Vocabulary {

    String code();

    String english();

    String romanian();
}
