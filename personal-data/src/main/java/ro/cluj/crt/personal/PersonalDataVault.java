package ro.cluj.crt.personal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;

/**
 * Seals and opens personal values with per-person keys, and erases a person by destroying their key.
 *
 * <p>Every person has one key, created when their first value is sealed, stored wrapped by the {@link MasterKey} in
 * table {@code person_key}. Erasing sets the wrapped key to null and records when: from then on every value ever
 * sealed for the person, in events, snapshots, views or exports, opens as {@link Revealed.Erased}. Keys are read
 * from the table on every use and never cached, so an erasure takes effect at once in every service.
 */
public class PersonalDataVault {

    private static final String VERSION = "v1.";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataVault.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final MasterKey masterKey;
    private final String table;

    public PersonalDataVault(JdbcTemplate jdbc, MasterKey masterKey, String table) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.masterKey = masterKey;
        this.table = table;
    }

    /**
     * A sealer for a person the tracker does not know yet, creating their key. Call it in the transaction that
     * records the person's first values, so that a failed write leaves no key behind.
     *
     * @throws PersonErasedException when the person was erased
     */
    public Sealer sealerForNewPerson(PersonId person) {
        jdbc.update("INSERT INTO " + table + " (person_id, wrapped_key, created_at) VALUES (?, ?, now())"
                        + " ON CONFLICT (person_id) DO NOTHING",
                person.value(), masterKey.wrap(Ciphers.newKey(), person.value()));
        return sealerFor(person).orElseThrow();
    }

    /**
     * A sealer for a person the tracker knows, or empty when it holds no key for them.
     *
     * @throws PersonErasedException when the person was erased
     */
    public Optional<Sealer> sealerFor(PersonId person) {
        KeyState state = keys(List.of(person)).get(person);
        if (state == null) {
            return Optional.empty();
        }
        if (state.erasedAt() != null) {
            throw new PersonErasedException();
        }
        return Optional.of(value -> value == null ? null : seal(state.key(), person, value));
    }

    /** Opens one person's values; null stays null. */
    public Opener openerFor(PersonId person) {
        return openerFor(List.of(person)).forPerson(person);
    }

    /** Opens the values of many people with one look at the key table. */
    public Openers openerFor(Collection<PersonId> people) {
        Map<PersonId, KeyState> keys = keys(people);
        return person -> {
            KeyState state = keys.getOrDefault(person, KeyState.NONE);
            return sealed -> sealed == null ? null : open(state, person, sealed);
        };
    }

    /** Whether the tracker holds (or held, before erasure) personal data of this person. */
    public boolean knows(PersonId person) {
        return keys(List.of(person)).containsKey(person);
    }

    /**
     * Destroys the person's key, so that none of their sealed values can be opened again. Run it in the transaction
     * that records the erasure, so that both happen or neither.
     *
     * @return false when the person was already erased
     */
    public boolean erase(PersonId person, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        int erased = jdbc.update("UPDATE " + table + " SET wrapped_key = NULL, erased_at = ?"
                + " WHERE person_id = ? AND erased_at IS NULL", time, person.value());
        if (erased == 1) {
            return true;
        }
        return jdbc.update("INSERT INTO " + table + " (person_id, wrapped_key, created_at, erased_at)"
                + " VALUES (?, NULL, ?, ?) ON CONFLICT (person_id) DO NOTHING", person.value(), time, time) == 1;
    }

    /**
     * The id of the current transaction ({@code xid8}), assigning one if it has none yet. Called in the transaction
     * that erases, it names the erasure for {@link #sessionsOlderThan(long)}.
     */
    public long currentTransaction() {
        return jdbc.queryForObject("SELECT CAST(CAST(pg_current_xact_id() AS text) AS bigint)", Long.class);
    }

    /**
     * The process ids of the sessions that hold back the removal of the row versions that transaction
     * {@code transaction} replaced, once it has committed; empty when none does. While such a session is open,
     * {@code VACUUM FULL} copies those row versions into the new file as "recently dead", destroyed keys included.
     *
     * <p>A session holds them back when its snapshot is older than the transaction ({@code backend_xmin} at or before
     * it, in this database), or when it runs a transaction that began before it ({@code backend_xid}, in any
     * database: a snapshot taken anywhere while that transaction runs is older too). {@code age()} compares the ids
     * without wraparound trouble. Any role may read these two columns of {@code pg_stat_activity}.
     */
    public List<Integer> sessionsOlderThan(long transaction) {
        return jdbc.queryForList("""
                WITH erasure AS (SELECT age(CAST(CAST(CAST(? AS text) AS xid8) AS xid)) AS age)
                SELECT pid FROM pg_stat_activity, erasure
                WHERE pid <> pg_backend_pid()
                  AND ((datname = current_database() AND age(backend_xmin) >= erasure.age)
                       OR age(backend_xid) >= erasure.age)
                ORDER BY pid""", Integer.class, transaction);
    }

    /**
     * Rewrites the key table so that destroyed keys leave no dead row behind in its files, and asks for a checkpoint so
     * that the write-ahead log holding them can be recycled. PostgreSQL never overwrites a row in place: without this
     * the bytes of an erased key stay in the table's file until space is reused. The rewrite drops only the row
     * versions no open session can still see: check {@link #sessionsOlderThan(long)} first. Run it
     * outside any transaction, after an erasure has committed. A checkpoint needs the {@code pg_checkpoint} role;
     * without it only the table is rewritten.
     */
    public void compact() {
        jdbc.execute("VACUUM FULL " + table);
        try {
            jdbc.execute("CHECKPOINT");
        } catch (DataAccessException e) {
            log.warn("the key table was rewritten, but a checkpoint was refused ({}); the write-ahead log keeps "
                    + "destroyed keys until the next checkpoint", e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Checks that the configured master key opens a stored person key (any one), so that a service started with the
     * wrong master key stops at once instead of failing on its first read of personal data.
     *
     * @throws IllegalStateException when it does not
     */
    public void checkMasterKey() {
        Boolean tableExists = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table);
        if (!Boolean.TRUE.equals(tableExists)) {
            return;
        }
        List<Map<String, Object>> sample = jdbc.queryForList(
                "SELECT person_id, wrapped_key FROM " + table + " WHERE wrapped_key IS NOT NULL LIMIT 1");
        for (Map<String, Object> row : sample) {
            try {
                masterKey.unwrap((byte[]) row.get("wrapped_key"), (String) row.get("person_id"));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("the configured master key does not open the stored person keys: "
                        + "it is not the master key this database was set up with", e);
            }
        }
    }

    private Sealed seal(SecretKey key, PersonId person, String value) {
        byte[] sealed = Ciphers.encrypt(key, value.getBytes(StandardCharsets.UTF_8), person.value());
        return Sealed.of(VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
    }

    private static Revealed open(KeyState state, PersonId person, Sealed sealed) {
        if (state.erasedAt() != null) {
            return new Revealed.Erased(state.erasedAt());
        }
        if (state.key() == null) {
            throw new IllegalStateException("no key for a person whose values are sealed");
        }
        if (!sealed.text().startsWith(VERSION)) {
            throw new IllegalStateException("a sealed value of an unknown version");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.text().substring(VERSION.length()));
        return new Revealed.Value(new String(Ciphers.decrypt(state.key(), bytes, person.value()),
                StandardCharsets.UTF_8));
    }

    private Map<PersonId, KeyState> keys(Collection<PersonId> people) {
        Map<PersonId, KeyState> keys = new HashMap<>();
        if (people.isEmpty()) {
            return keys;
        }
        named.query("SELECT person_id, wrapped_key, erased_at FROM " + table + " WHERE person_id IN (:ids)",
                Map.of("ids", people.stream().map(PersonId::value).distinct().toList()),
                (ResultSet row) -> {
                    PersonId person = PersonId.of(row.getString("person_id"));
                    keys.put(person, state(row, person));
                });
        return keys;
    }

    private KeyState state(ResultSet row, PersonId person) throws SQLException {
        OffsetDateTime erasedAt = row.getObject("erased_at", OffsetDateTime.class);
        if (erasedAt != null) {
            return new KeyState(null, erasedAt.toInstant());
        }
        return new KeyState(masterKey.unwrap(row.getBytes("wrapped_key"), person.value()), null);
    }

    private record KeyState(SecretKey key, Instant erasedAt) {
        static final KeyState NONE = new KeyState(null, null);
    }

    /** Seals values of one person. */
    @FunctionalInterface
    public interface Sealer {
        Sealed seal(String value);
    }

    /** Opens values of one person. */
    @FunctionalInterface
    public interface Opener {
        Revealed open(Sealed sealed);
    }

    /** Opens values of the people it was made for. */
    @FunctionalInterface
    public interface Openers {
        Opener forPerson(PersonId person);
    }
}
