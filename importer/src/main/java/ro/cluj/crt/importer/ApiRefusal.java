package ro.cluj.crt.importer;

/**
 * The tracker refused a request (4xx): the record is bad, the run goes on. {@code status} and {@code problemType}
 * are the answer's status and problem type, where known (0 and {@code null} otherwise).
 */
final class ApiRefusal extends Exception {

    private final int status;
    private final String problemType;

    ApiRefusal(String reason) {
        this(reason, 0, null);
    }

    ApiRefusal(String reason, int status, String problemType) {
        super(reason);
        this.status = status;
        this.problemType = problemType;
    }

    int status() {
        return status;
    }

    /** The change was based on a version of the resource that is no longer the current one. */
    boolean staleVersion() {
        return status == 409 && problemType != null && problemType.endsWith("/stale-version");
    }
}
