package ro.cluj.crt.query.replay;

/**
 * How far a replay has come: its position against the head of the event store, events applied of all events, the
 * rate since it last (re)started in this instance, and the time that rate leaves. Rate and time left are absent
 * while it is stopped or has not yet moved.
 *
 * @param running whether its processor runs in this instance
 * @param caughtUp whether it has applied every event stored so far
 */
public record ReplayProgress(String group, boolean running, long position, long head, long eventsDone,
                             long eventsTotal, boolean caughtUp, Double eventsPerSecond, Long secondsLeft) {

    static ReplayProgress of(String group, boolean running, long position, long head, long done, long total,
                             Replays.Replay replay) {
        boolean caughtUp = position >= head;
        Double rate = null;
        Long left = null;
        if (running && replay != null) {
            double seconds = (System.nanoTime() - replay.startedNanos()) / 1e9;
            long since = done - replay.doneAtStart();
            if (seconds > 0 && since > 0) {
                rate = Math.round(since / seconds * 10) / 10.0;
                left = caughtUp ? 0L : (long) Math.ceil((total - done) / (since / seconds));
            }
        }
        return new ReplayProgress(group, running, position, head, done, total, caughtUp, rate, left);
    }
}
