package ro.cluj.crt.query.config;

/** A read asked for a position that the view did not reach in time (503 with Retry-After). */
public class ProjectionBehindException extends RuntimeException {

    private final long position;

    public ProjectionBehindException(long position) {
        super("the view has not reached position " + position + " yet");
        this.position = position;
    }

    public long position() {
        return position;
    }
}
