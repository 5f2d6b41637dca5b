package ro.cluj.crt.command.person;

import java.time.Instant;
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
 * Once they have, the key table is rewritten so that the destroyed key's old row leaves its files too, as soon as no
 * session older than the erasure can still see that row ({@link KeyTableCompactor}).
 */
@Component
@ProcessingGroup(KeyShredder.PROCESSING_GROUP)
class KeyShredder {

    static final String PROCESSING_GROUP = "personal-data-erasure";
    private static final Logger log = LoggerFactory.getLogger(KeyShredder.class);

    private final PersonalDataVault vault;
    private final KeyTableCompactor compactor;

    KeyShredder(PersonalDataVault vault, KeyTableCompactor compactor) {
        this.vault = vault;
        this.compactor = compactor;
    }

    @EventHandler
    void on(PersonErased event, @Timestamp Instant at) {
        vault.erase(event.personId(), at);
        long erasure = vault.currentTransaction();
        log.info("destroyed the key of person {} in transaction {}", event.personId(), erasure);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                .afterCommit(committed -> compactor.compactAfter(erasure)));
    }
}
