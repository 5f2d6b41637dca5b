package ro.cluj.crt.command.write;

/** What a command did to its aggregate, as the command bus answers it. */
public sealed interface CommandOutcome {

    String aggregateId();

    /** The command applied events; {@code version} is the sequence number of the last one. */
    record Applied(String aggregateId, long version) implements CommandOutcome {
    }

    /** The command repeated a create with the same content: the first answer stands, nothing was applied. */
    record Repeated(String aggregateId) implements CommandOutcome {
    }
}
