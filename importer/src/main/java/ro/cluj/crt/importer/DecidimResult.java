package ro.cluj.crt.importer;

/**
 * One Decidim accountability result as a commitment: the commitment as it should be (its lead filled in once the
 * organisation is registered), the organisation whose result it is, the progress percentage when the row gives one,
 * and whether Decidim says it is fulfilled or abandoned.
 */
record DecidimResult(RecordLocation where, Bodies.Organisation lead, Bodies.Commitment commitment, Integer progress,
                     Closing closing) {

    String id() {
        return commitment.id();
    }

    /** What Decidim's status key asks of the commitment's own status. */
    enum Closing {
        /** The key is {@code fulfilled}. */
        FULFIL,
        /** The key is {@code abandoned}. */
        ABANDON,
        /** Any other key, or none: the status stays as it is. */
        NONE
    }
}
