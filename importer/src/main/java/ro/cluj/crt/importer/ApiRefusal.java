package ro.cluj.crt.importer;

/** The tracker refused a request (4xx): the record is bad, the run goes on. */
final class ApiRefusal extends Exception {

    ApiRefusal(String reason) {
        super(reason);
    }
}
