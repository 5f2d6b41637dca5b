package ro.cluj.crt.verifier;

import java.util.ArrayList;
import java.util.List;

/** Every problem a verification found, in the order found, each a sentence naming where it is. */
final class Problems {

    private final List<String> found = new ArrayList<>();

    void add(String problem) {
        found.add(problem);
    }

    /** A problem at one link of the chain. */
    void atLink(long link, String kind, String detail) {
        found.add("link " + link + ": " + kind + ": " + detail);
    }

    List<String> all() {
        return List.copyOf(found);
    }

    boolean none() {
        return found.isEmpty();
    }
}
