package ro.cluj.crt.personal;

import java.time.Instant;

/** What opening a sealed value gives: the value, or the fact that its person was erased (never an error). */
public sealed interface Revealed {

    record Value(String text) implements Revealed {

        @Override
        public String toString() {
            return "Value[…]";
        }
    }

    record Erased(Instant erasedAt) implements Revealed {
    }
}
