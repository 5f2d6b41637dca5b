package ro.cluj.crt.benchmark;

/**
 * How a run ends: its exit status, and closing what it opened one thing at a time, so that one failure does not
 * leave the rest open.
 */
final class Cleanup {

    private Cleanup() {
    }

    /** A run's measurements; true when every operation succeeded and every check held. */
    @FunctionalInterface
    interface Measurement {
        boolean held() throws Exception;
    }

    /**
     * Runs the measurement, then {@code cleanUp} whatever happened; answers the exit status: 0 when everything held,
     * 1 when an operation failed or a check did not hold, 2 when the run could not be carried out.
     */
    static int exitStatus(Measurement measurement, Runnable cleanUp) {
        try {
            return measurement.held() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            return 2;
        } finally {
            cleanUp.run();
        }
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
