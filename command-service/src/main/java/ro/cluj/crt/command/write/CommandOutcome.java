package ro.cluj.crt.command.write;

/** What a command did to its aggregate, as the command bus answers it. */
public sealed interface CommandOutcome {

    /**
     * The command applied events. Axon hands events to the store only when the command commits, after the handler
     * has returned, so the aggregate id and the version of the last event are filled in then.
     */
    final class Applied implements CommandOutcome {

        private volatile String aggregateId;
        private volatile long version = -1;

        void lastEvent(String aggregateId, long version) {
            this.aggregateId = aggregateId;
            this.version = version;
        }

        public String aggregateId() {
            return aggregateId;
        }

        public long version() {
            return version;
        }
    }

    /** The command repeated a create with the same content: the first answer stands, nothing was applied. */
    record Repeated(String aggregateId) implements CommandOutcome {
    }
}
