package ro.cluj.crt.verifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import ro.cluj.crt.events.audit.ChainHash;

/**
 * Recomputes the chain from the lines of an export, one line at a time: each link's hash from the event's exported
 * bytes and the previous hash the link names ({@link ChainHash}, the layout the sealer uses), each link's previous
 * hash against the line before, link numbers without gaps, every global index at most once. Like the tracker's own
 * verifier, each hash is recomputed from the link's own previous hash, so one altered event is one problem.
 */
final class ChainCheck {

    private final Manifest manifest;
    private final Problems problems;
    private final Set<Long> globalIndexes = new HashSet<>();
    private final Map<Long, Link> atCheckpoints = new HashMap<>();
    private final Set<Long> checkpointLinks = new HashSet<>();
    private long links;
    private long events;
    private Long firstLink;
    private Long lastLink;
    private byte[] lastHash;

    /** A link as the chain has it: the global index it seals and its hash, in hex. */
    record Link(long globalIndex, String hash) {
    }

    ChainCheck(Manifest manifest, Problems problems) {
        this.manifest = manifest;
        this.problems = problems;
        manifest.checkpoints().forEach(checkpoint -> checkpointLinks.add(checkpoint.linkNumber()));
    }

    void accept(ExportLine line) {
        long link = line.linkNumber();
        boolean gap = false;
        if (lastLink == null) {
            firstLink = link;
            if (link != manifest.fromLink()) {
                problems.atLink(link, "link-missing", "the export starts at link " + link + ", the manifest at "
                        + manifest.fromLink());
            }
        } else if (link != lastLink + 1) {
            gap = true;
            if (link <= lastLink) {
                problems.atLink(link, "link-order", "comes after link " + lastLink);
            } else {
                problems.atLink(link, "link-missing", "links " + (lastLink + 1) + " to " + (link - 1) + " are missing");
            }
        }
        if (link > manifest.toLink()) {
            problems.atLink(link, "out-of-range", "beyond the manifest's last link " + manifest.toLink());
        }
        checkPrevious(line, gap);
        if (!globalIndexes.add(line.globalIndex())) {
            problems.atLink(link, "global-index-repeated", "global index " + line.globalIndex()
                    + " is sealed by an earlier link too");
        }
        if (line.event() == null) {
            problems.atLink(link, "event-missing", "the event at global index " + line.globalIndex() + " was sealed "
                    + "and is not in the export");
        } else {
            events++;
            byte[] previous = line.previousHash() == null || line.previousHash().length != ChainHash.LENGTH
                    ? ChainHash.GENESIS : line.previousHash();
            if (!Arrays.equals(ChainHash.of(previous, link, line.event()), line.hash())) {
                problems.atLink(link, "hash-mismatch", "the event at global index " + line.globalIndex()
                        + " is not what was sealed");
            }
        }
        if (checkpointLinks.contains(link)) {
            atCheckpoints.put(link, new Link(line.globalIndex(), ChainHash.hex(line.hash())));
        }
        links++;
        lastLink = link;
        lastHash = line.hash();
    }

    private void checkPrevious(ExportLine line, boolean gap) {
        byte[] expected;
        if (lastHash != null) {
            expected = lastHash;
        } else if (line.linkNumber() == 1) {
            expected = ChainHash.GENESIS;
        } else {
            expected = manifest.firstPreviousHash() == null ? null : java.util.HexFormat.of()
                    .parseHex(manifest.firstPreviousHash());
        }
        // after a gap the previous hash names a link that is not in the file: the gap is the problem already
        if (!gap && !Arrays.equals(line.previousHash(), expected)) {
            problems.atLink(line.linkNumber(), "link-altered",
                    "the link's previous hash is not the hash of the link before it");
        }
    }

    /** After the last line: the counts and the head against the manifest. */
    void finish() {
        if (links != manifest.links()) {
            problems.add("manifest: " + manifest.links() + " links listed, the export has " + links);
        }
        if (events != manifest.events()) {
            problems.add("manifest: " + manifest.events() + " events listed, the export has " + events);
        }
        String head = ChainHash.hex(lastHash);
        if (!java.util.Objects.equals(head, manifest.headHash())) {
            problems.add("manifest: head hash " + manifest.headHash() + ", the export's last link has " + head);
        }
        if (lastLink != null && lastLink < manifest.toLink()) {
            problems.add("manifest: the range ends at link " + manifest.toLink() + ", the export at " + lastLink);
        }
    }

    /** The links the manifest's checkpoints name, as the export has them. */
    Map<Long, Link> atCheckpoints() {
        return atCheckpoints;
    }

    long links() {
        return links;
    }

    long events() {
        return events;
    }

    Long firstLink() {
        return firstLink;
    }

    Long lastLink() {
        return lastLink;
    }

    String headHash() {
        return ChainHash.hex(lastHash);
    }
}
