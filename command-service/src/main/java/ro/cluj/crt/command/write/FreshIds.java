package ro.cluj.crt.command.write;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.Identifiers;

/**
 * The ids this instance drew at random for new aggregates, until the first command of each has been handled. Nothing
 * can be stored under such an id yet, so that command need not read the aggregate's history (a snapshot query and an
 * event query) before it creates it. Forgetting is always safe: an id not found here (drawn by another instance,
 * claimed already, or older than a minute) is read from the store as usual.
 */
@Component
public class FreshIds {

    private final Cache<String, Boolean> drawn = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    /** A new random id, remembered as fresh. */
    public String draw() {
        String id = Identifiers.random();
        drawn.put(id, Boolean.TRUE);
        return id;
    }

    /** Whether {@code id} was drawn here and not claimed before; true at most once per id. */
    public boolean claim(String id) {
        return drawn.asMap().remove(id) != null;
    }
}
