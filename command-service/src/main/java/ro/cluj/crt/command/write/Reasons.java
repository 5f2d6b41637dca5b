package ro.cluj.crt.command.write;

import ro.cluj.crt.support.web.InvalidRequestException;

/** Changes that rewrite what was recorded say why. */
public final class Reasons {

    public static final int MAX_LENGTH = 2_000;

    private Reasons() {
    }

    public static void require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "is required");
        }
    }
}
