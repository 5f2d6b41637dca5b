package ro.cluj.crt.query.replay;

import java.util.List;

/**
 * A replay's copy beside the live view, read in one snapshot: each table's row count and content digest on both
 * sides. The digests only mean something when both sides stand at the same position, so {@code identical} needs
 * that as well as every table matching; {@code note} says when the positions differed.
 */
public record ReplayComparison(String group, long livePosition, long copyPosition, boolean samePosition,
                               boolean identical, List<Table> tables, String note) {

    /** One table: rows and md5 digest of its rows' text in order, live and copy. */
    public record Table(String table, long liveRows, long copyRows, String liveDigest, String copyDigest,
                        boolean identical) {
    }

    /** The answer to a switch: the view now serves the copy, and the live processor continues from this position. */
    public record Switched(String group, long position) {
    }
}
