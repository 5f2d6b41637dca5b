package ro.cluj.crt.benchmark;

/**
 * One read figure: a request to the read API and the hand-written SQL that answers the same question from the same
 * projection tables. The two are timed in turns, one after the other, so drift of the machine hits both alike.
 */
record ReadProbe(String key, String label, Operation api, Operation baseline) {

    /** The figure's latencies after {@code warmup} discarded turns. */
    Result measure(int warmup, int samples) throws Exception {
        for (int i = 0; i < warmup; i++) {
            api.perform();
            baseline.perform();
        }
        long[] apiNanos = new long[samples];
        long[] baselineNanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            apiNanos[i] = timed(api);
            baselineNanos[i] = timed(baseline);
        }
        return new Result(this, new Latencies(apiNanos), new Latencies(baselineNanos));
    }

    private static long timed(Operation operation) throws Exception {
        long began = System.nanoTime();
        operation.perform();
        return System.nanoTime() - began;
    }

    record Result(ReadProbe probe, Latencies api, Latencies baseline) {
    }
}
