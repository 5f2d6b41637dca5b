package ro.cluj.crt.command.write;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ro.cluj.crt.events.api.WriteReceipt;

/**
 * Sends a command, waits for it to commit, and answers with the version the aggregate reached and the event store
 * position of its last event, so that a client can read its own write.
 */
@Component
public class CommandSender {

    private static final String OUTCOME = CommandSender.class.getName() + ".outcome";

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final String positionQuery;

    public CommandSender(CommandGateway gateway, CommandBus commandBus, EventStore eventStore, JdbcTemplate jdbc,
                         EventSchema schema) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.positionQuery = "SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
        eventStore.registerDispatchInterceptor(CommandSender::rememberLastEvent);
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (result instanceof CommandOutcome.Repeated) {
                return result;
            }
            CommandOutcome.Applied applied = new CommandOutcome.Applied();
            unitOfWork.root().resources().put(OUTCOME, applied);
            return applied;
        });
    }

    /**
     * Sends the command. A create that lost a race for its id to another create of the same id (a repeat sent at
     * the same moment, perhaps to another instance) is sent once more, outside a transaction of the caller's, where
     * it finds the aggregate the winner made and answers as a repeat does: the first answer, or a 409 when the
     * content differs.
     */
    public WriteReceipt send(Object command, MetaData metaData) {
        Object result;
        try {
            result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateStreamCreationException lostRace) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw lostRace;
            }
            result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        }
        String aggregateId;
        long version;
        switch (result) {
            case CommandOutcome.Repeated repeated -> {
                aggregateId = repeated.aggregateId();
                version = 0;
            }
            case CommandOutcome.Applied applied when applied.aggregateId() != null -> {
                aggregateId = applied.aggregateId();
                version = applied.version();
            }
            default -> throw new IllegalStateException(
                    "command " + command.getClass().getSimpleName() + " applied no event");
        }
        Long position = jdbc.queryForObject(positionQuery, Long.class, aggregateId, version);
        return new WriteReceipt(aggregateId, version, position);
    }

    /** The answer a write gave that stored the event at {@code sequence} of the aggregate, for its repeats. */
    public WriteReceipt receiptOf(String aggregateId, long sequence) {
        Long position = jdbc.queryForObject(positionQuery, Long.class, aggregateId, sequence);
        return new WriteReceipt(aggregateId, sequence, position);
    }

    private static BiFunction<Integer, EventMessage<?>, EventMessage<?>> rememberLastEvent(
            List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted() && !events.isEmpty()
                && events.getLast() instanceof DomainEventMessage<?> last
                && CurrentUnitOfWork.get().root().resources().get(OUTCOME) instanceof CommandOutcome.Applied applied) {
            applied.lastEvent(last.getAggregateIdentifier(), last.getSequenceNumber());
        }
        return (index, event) -> event;
    }
}
