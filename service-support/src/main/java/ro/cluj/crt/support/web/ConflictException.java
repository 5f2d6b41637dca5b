package ro.cluj.crt.support.web;

/** The request conflicts with the current state of a resource (409), for example a retracted interview. */
public class ConflictException extends RuntimeException {

    private final String state;

    public ConflictException(String state, String message) {
        super(message);
        this.state = state;
    }

    public String state() {
        return state;
    }
}
