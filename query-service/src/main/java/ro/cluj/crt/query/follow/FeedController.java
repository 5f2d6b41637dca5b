package ro.cluj.crt.query.follow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.PublicAddress;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * Atom feeds anyone can follow: one per commitment (every entry of its timeline) and one per organisation (the
 * changes of the commitments it leads or co-signs, and its interviews published with consent "publish"). Newest
 * first, {@value #PAGE_SIZE} entries a page with a {@code next} link to older ones; public, with the public's view of
 * everything whoever asks. Conditional requests ({@code If-None-Match}, {@code If-Modified-Since}) are answered 304.
 */
@RestController
class FeedController {

    static final int PAGE_SIZE = 50;
    private static final MediaType ATOM = MediaType.parseMediaType(AtomWriter.MEDIA_TYPE + ";charset=UTF-8");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String COMMITMENTS = "commitments";
    private static final String CATALOGUE = "catalogue";

    private final FeedQueries queries;
    private final ProjectionPositions positions;
    private final PublicAddress address;

    FeedController(FeedQueries queries, ProjectionPositions positions, PublicAddress address) {
        this.queries = queries;
        this.positions = positions;
        this.address = address;
    }

    @GetMapping("/api/commitments/{commitmentId}/feed.atom")
    ResponseEntity<String> commitment(@PathVariable String commitmentId,
                                      @RequestParam(defaultValue = "0") String page,
                                      @RequestParam(required = false) Long minPosition) {
        int number = page(page);
        String self = address.of("/api/commitments/" + commitmentId + "/feed.atom");
        ProjectionPositions.Positioned<AtomWriter.Feed> read = positions.read(COMMITMENTS, minPosition, () -> {
            String title = queries.commitmentTitle(commitmentId)
                    .orElseThrow(() -> new NotFoundException("no commitment with this id"));
            List<FeedQueries.Item> items = queries.commitmentChanges(commitmentId, title, PAGE_SIZE + 1,
                    (long) number * PAGE_SIZE);
            return feed(self, number, "Commitment: " + title, items, null);
        });
        return answer(read);
    }

    @GetMapping("/api/organisations/{organisationId}/feed.atom")
    ResponseEntity<String> organisation(@PathVariable String organisationId,
                                        @RequestParam(defaultValue = "0") String page,
                                        @RequestParam(required = false) Long minPosition) {
        int number = page(page);
        String self = address.of("/api/organisations/" + organisationId + "/feed.atom");
        String profile = address.of("/api/organisations/" + organisationId);
        List<String> views = List.of(COMMITMENTS, CATALOGUE);
        ProjectionPositions.Positioned<AtomWriter.Feed> read = positions.read(views, minPosition, () -> {
            String name = queries.publicOrganisationName(organisationId)
                    .orElseThrow(() -> new NotFoundException("no organisation with this id"));
            List<FeedQueries.Item> items = queries.organisationItems(organisationId, PAGE_SIZE + 1,
                    (long) number * PAGE_SIZE);
            return feed(self, number, "Organisation: " + name, items, profile);
        });
        return answer(read);
    }

    /** @param profile the organisation's public profile, which its interview entries link to */
    private AtomWriter.Feed feed(String self, int page, String title, List<FeedQueries.Item> items,
                                 String profile) {
        List<AtomWriter.Link> links = new ArrayList<>();
        links.add(new AtomWriter.Link("self", AtomWriter.MEDIA_TYPE, page == 0 ? self : self + "?page=" + page));
        if (page > 0) {
            links.add(new AtomWriter.Link("first", AtomWriter.MEDIA_TYPE, self));
            links.add(new AtomWriter.Link("previous", AtomWriter.MEDIA_TYPE,
                    page == 1 ? self : self + "?page=" + (page - 1)));
        }
        if (items.size() > PAGE_SIZE) {
            links.add(new AtomWriter.Link("next", AtomWriter.MEDIA_TYPE, self + "?page=" + (page + 1)));
        }
        List<AtomWriter.Entry> entries = items.stream().limit(PAGE_SIZE).map(item -> entry(item, profile))
                .toList();
        Instant updated = entries.stream().map(AtomWriter.Entry::updated).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return new AtomWriter.Feed(self, title, updated, links, entries);
    }

    private AtomWriter.Entry entry(FeedQueries.Item item, String profile) {
        if (item.kind().equals("interview")) {
            return new AtomWriter.Entry(uuidUrn(item.subjectId(), "interview/" + item.subjectId()),
                    "Interview of " + item.occurredOn() + " published", item.updated(), item.published(), null,
                    interviewSummary(item), List.of(new AtomWriter.Link("alternate", "application/json", profile)));
        }
        String commitment = address.of("/api/commitments/" + item.subjectId());
        Object contentReason = item.content().get("reason");
        String reason = item.reason() != null ? item.reason()
                : contentReason == null ? null : contentReason.toString();
        return new AtomWriter.Entry(
                uuidUrn(item.eventId(), "commitment/" + item.subjectId() + "/" + item.sequenceNumber()),
                ChangeSummaries.label(item.eventType()) + ": " + item.subjectTitle(), item.updated(),
                item.published(), item.actorRole(),
                ChangeSummaries.of(item.eventType(), item.content(), reason),
                List.of(new AtomWriter.Link("alternate", "application/json", commitment + "/timeline"),
                        new AtomWriter.Link("related", "application/json", commitment)));
    }

    /** The measures an interview describes, by title (or description, where a measure has no title). */
    private static String interviewSummary(FeedQueries.Item item) {
        List<String> titles = new ArrayList<>();
        if (item.content().get("measures") instanceof List<?> measures) {
            for (Object measure : measures) {
                if (measure instanceof Map<?, ?> fields) {
                    Object title = fields.get("title") != null ? fields.get("title") : fields.get("description");
                    if (title != null) {
                        titles.add(String.valueOf(title));
                    }
                }
            }
        }
        return titles.isEmpty() ? "An interview was published."
                : "Measures: " + String.join("; ", titles) + ".";
    }

    /** {@code urn:uuid:} of the identifier when it is a UUID, else of a UUID named after {@code name}. */
    private static String uuidUrn(String identifier, String name) {
        if (identifier != null && UUID_SHAPE.matcher(identifier).matches()) {
            return "urn:uuid:" + identifier.toLowerCase();
        }
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("crt-feed/" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** Spring answers 304 itself when the request's validators match the ETag or Last-Modified given here. */
    private static ResponseEntity<String> answer(ProjectionPositions.Positioned<AtomWriter.Feed> read) {
        String xml = AtomWriter.write(read.value());
        String etag = "\"" + sha256(xml) + "\"";
        long lastModified = read.value().updated().toEpochMilli();
        return ResponseEntity.ok().contentType(ATOM).eTag(etag).lastModified(lastModified)
                .cacheControl(CacheControl.noCache())
                .header(ReadResponses.POSITION_HEADER, Long.toString(read.position())).body(xml);
    }

    private static int page(String page) {
        try {
            int number = Integer.parseInt(page);
            if (number >= 0 && number <= 100_000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("page", "must be a whole number from 0 to 100000");
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
