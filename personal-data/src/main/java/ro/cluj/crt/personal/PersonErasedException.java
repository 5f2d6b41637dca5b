package ro.cluj.crt.personal;

/** New personal data cannot be sealed for a person who was erased; such data belongs to a new person id. */
public class PersonErasedException extends RuntimeException {

    public PersonErasedException() {
        super("this person's personal data was erased; record them again under a new person id");
    }
}
