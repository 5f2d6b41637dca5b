package ro.cluj.crt.command.person;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.person.PersonErased;
import ro.cluj.crt.personal.PersonalDataVault;

/**
 * Destroys a person's key when their erasure is recorded. Its processing group is subscribing, so it runs inside the
 * transaction that appends {@link PersonErased}: the event and the key's destruction commit together or not at all.
 * Once they have, the key table is rewritten so that the destroyed key's old row leaves its files too.
 */
@Component
@ProcessingGroup(KeyShredder.PROCESSING_GROUP)
class KeyShredder {

    static final String PROCESSING_GROUP = "personal-data-erasure";
    private static final Logger log = LoggerFactory.getLogger(KeyShredder.class);

    private final PersonalDataVault vault;
    /** One rewrite at a time, away from the request that erased. */
    private final Executor compactor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("key-compactor")
            .factory());

    KeyShredder(PersonalDataVault vault) {
        this.vault = vault;
    }

    @EventHandler
    void on(PersonErased event, @Timestamp Instant at) {
        vault.erase(event.personId(), at);
        log.info("destroyed the key of person {}", event.personId());
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                .afterCommit(committed -> compactor.execute(this::compact)));
    }

    /** After the erasure committed, the destroyed key's old row is removed from the table's files as well. */
    private void compact() {
        try {
            vault.compact();
        } catch (RuntimeException e) {
            log.error("the key table could not be rewritten after an erasure; run VACUUM FULL on it", e);
        }
    }
}
