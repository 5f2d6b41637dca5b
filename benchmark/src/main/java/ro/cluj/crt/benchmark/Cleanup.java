package ro.cluj.crt.benchmark;

/** Closes what a run opened, one thing at a time, so that one failure does not leave the rest open. */
final class Cleanup {

    private Cleanup() {
    }

    /** Something to close at the end. */
    @FunctionalInterface
    interface Closing {
        void close() throws Exception;
    }

    /** Drops the run's database (when one was made), or keeps it for a look at what was written. */
    static void database(BenchDatabase database, boolean keep) {
        if (database == null) {
            return;
        }
        if (keep) {
            System.err.println("[benchmark] kept database " + database.name());
        } else {
            quietly("database " + database.name(), database::drop, true);
            System.err.println("[benchmark] dropped database " + database.name());
        }
    }

    /** Closes {@code what} when it was opened ({@code needed}), reporting a failure instead of throwing it. */
    static void quietly(String what, Closing closing, boolean needed) {
        if (!needed) {
            return;
        }
        try {
            closing.close();
        } catch (Exception e) {
            System.err.println("could not close " + what + ": " + e);
        }
    }
}
