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
