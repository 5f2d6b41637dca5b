package ro.cluj.crt.command.person;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ro.cluj.crt.personal.PersonalDataVault;

/**
 * Rewrites the key table after an erasure as soon as no open session can still see the destroyed key, and keeps
 * trying until then.
 *
 * <p>PostgreSQL keeps an updated row's old version while any snapshot older than the update is open, and
 * {@code VACUUM FULL} copies such "recently dead" versions into the new file. One rewrite right after the erasure
 * therefore leaves the key's bytes on disk whenever another session (a processor's batch, a read, a pooled connection
 * idle in transaction) began its transaction before the erasure committed; nothing would rewrite the table again.
 * So an attempt first asks which sessions are older than the erasure's transaction
 * ({@link PersonalDataVault#sessionsOlderThan(long)}, from {@code pg_stat_activity}) and rewrites only when none is.
 * Once no transaction that began before the erasure runs, no new snapshot can be older than it, so that one check
 * suffices. This is the horizon PostgreSQL itself uses, readable by any role; the "dead row versions cannot be removed
 * yet" count of {@code VACUUM VERBOSE} says the same only after a rewrite, in a notice translated per server locale.
 *
 * <p>While some session is older, or an attempt fails, it tries again in the background, the delay doubling from
 * {@value #FIRST_DELAY_MILLIS} ms to at most {@value #MAX_DELAY_MILLIS} ms, for as long as the service runs; a check
 * is one query, so waiting costs nothing. Erasures share the pending rewrite: waiting for the newest one covers the
 * older ones. Pending work is kept in memory only, so the service also rewrites the table once after it starts.
 * Logs name transaction and session ids, never a person's values.
 */
@Component
class KeyTableCompactor implements DisposableBean {

    static final long FIRST_DELAY_MILLIS = 100;
    static final long MAX_DELAY_MILLIS = 5_000;
    private static final long NONE = 0;
    private static final Logger log = LoggerFactory.getLogger(KeyTableCompactor.class);

    private final PersonalDataVault vault;
    /** The one thread that reads and writes the fields below. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("key-compactor").factory());
    /** The newest erasure whose destroyed key may still be in the table's files, or {@link #NONE}. */
    private long pending = NONE;
    private long delayMillis = FIRST_DELAY_MILLIS;

    KeyTableCompactor(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** Rewrites the key table once no session older than {@code erasure}, a committed transaction, is open. */
    void compactAfter(long erasure) {
        scheduler.execute(() -> {
            boolean waiting = pending != NONE;
            pending = Math.max(pending, erasure);
            if (!waiting) {
                delayMillis = FIRST_DELAY_MILLIS;
                attempt();
            }
        });
    }

    /** A restart forgets pending rewrites: one rewrite after start covers every erasure committed before. */
    @EventListener(ApplicationReadyEvent.class)
    void compactAfterStart() {
        compactAfter(vault.currentTransaction());
    }

    private void attempt() {
        try {
            List<Integer> olderSessions = vault.sessionsOlderThan(pending);
            if (olderSessions.isEmpty()) {
                vault.compact();
                log.info("rewrote the key table after transaction {}", pending);
                pending = NONE;
                return;
            }
            logWaiting(olderSessions);
        } catch (RuntimeException e) {
            log.warn("the key table could not be rewritten after transaction {} ({}); trying again in {} ms",
                    pending, e.getMessage(), delayMillis);
        }
        scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
        delayMillis = Math.min(delayMillis * 2, MAX_DELAY_MILLIS);
    }

    private void logWaiting(List<Integer> olderSessions) {
        if (delayMillis == FIRST_DELAY_MILLIS) {
            log.info("the key table keeps the rows replaced by transaction {} while sessions {} are open; "
                    + "rewriting it when they end", pending, olderSessions);
        } else if (delayMillis < MAX_DELAY_MILLIS && delayMillis * 2 >= MAX_DELAY_MILLIS) {
            log.warn("sessions {} still hold a snapshot older than transaction {}, so a destroyed key stays in the "
                    + "key table's file; checking every {} ms", olderSessions, pending, MAX_DELAY_MILLIS);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
