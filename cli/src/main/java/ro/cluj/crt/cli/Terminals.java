package ro.cluj.crt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that a progress bar may be redrawn in place there. */
final class Terminals {

    private Terminals() {
    }

    /**
     * On Linux, from what file descriptor 2 is open on (a pseudo-terminal or a console); elsewhere Java only tells
     * whether the process has a console at all, which is taken as the answer.
     */
    static boolean standardErrorIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
