package ro.cluj.crt.query.config;

import java.util.List;
import ro.cluj.crt.support.web.FieldError;

/** The limits every paged list shares: pages count from 0 and hold 1 to {@value #MAX_SIZE} items. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    /** Adds an error for each of {@code page} and {@code size} that is out of bounds. */
    public static void check(int page, int size, List<FieldError> errors) {
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
    }
}
