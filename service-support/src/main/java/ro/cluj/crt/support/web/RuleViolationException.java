package ro.cluj.crt.support.web;

/** A well-formed request breaks a domain rule (422). {@code rule} is a stable name clients may rely on. */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String field;

    public RuleViolationException(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
