package ro.cluj.crt.query.edition;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.EditionSummary;
import ro.cluj.crt.events.api.EditionView;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.CsvCells;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.PublicAddress;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * Weekly editions, for anyone: the list, each edition as its canonical JSON (the exact bytes its SHA-256 is taken
 * over, also given as {@code Content-Digest} and {@code ETag}), as CSV of its measures and as a web page, and the
 * feeds of the newest editions.
 */
@RestController
class EditionController {

    private static final String GROUP = CatalogueProjection.PROCESSING_GROUP;
    private static final TypeReference<EditionView> VIEW = new TypeReference<>() { };
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final int FEED_ENTRIES = 20;

    private final EditionQueries queries;
    private final ProjectionPositions positions;
    private final PublicAddress address;

    EditionController(EditionQueries queries, ProjectionPositions positions, PublicAddress address) {
        this.queries = queries;
        this.positions = positions;
        this.address = address;
    }

    @GetMapping("/api/editions")
    ResponseEntity<Page<EditionSummary>> list(@RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "50") int size,
                                              @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return ReadResponses.at(positions.read(GROUP, minPosition, () -> queries.list(page, size)));
    }

    /** The edition's canonical JSON (RFC 8785), byte for byte what its SHA-256 was taken over. */
    @GetMapping("/api/editions/{number}")
    ResponseEntity<byte[]> edition(@PathVariable String number, @RequestParam(required = false) Long minPosition) {
        ProjectionPositions.Positioned<EditionQueries.Stored> read = stored(number, minPosition);
        byte[] body = read.value().canonicalJson().getBytes(StandardCharsets.UTF_8);
        String sha256 = read.value().summary().sha256();
        return ResponseEntity.ok().header(ReadResponses.POSITION_HEADER, Long.toString(read.position()))
                .header("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(sha256)) + ":")
                .eTag("\"" + sha256 + "\"").contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/editions/{number}.csv")
    ResponseEntity<String> measuresCsv(@PathVariable String number,
                                       @RequestParam(required = false) Long minPosition) {
        ProjectionPositions.Positioned<EditionQueries.Stored> read = stored(number, minPosition);
        EditionView edition = ViewJson.read(read.value().canonicalJson(), VIEW);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("measure_id", "title", "field",
                "organisation_id", "organisation_name", "sector").get().print(out)) {
            for (EditionView.PublishedMeasure m : edition.measures()) {
                csv.printRecord(Stream.of(m.measureId(), m.title(), m.field().code(), m.organisationId(),
                        m.organisationName(), m.sector().code()).map(CsvCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ReadResponses.csv(read.map(stored -> out.toString()),
                "edition-" + edition.number() + "-measures.csv");
    }

    @GetMapping("/api/editions/{number}.html")
    ResponseEntity<String> page(@PathVariable String number, @RequestParam(required = false) Long minPosition) {
        ProjectionPositions.Positioned<EditionQueries.Stored> read = stored(number, minPosition);
        EditionView edition = ViewJson.read(read.value().canonicalJson(), VIEW);
        return ResponseEntity.ok().header(ReadResponses.POSITION_HEADER, Long.toString(read.position()))
                .contentType(HTML).body(EditionPage.render(edition, read.value().summary()));
    }

    @GetMapping("/api/editions/feed.atom")
    ResponseEntity<String> atom(@RequestParam(required = false) Long minPosition) {
        ProjectionPositions.Positioned<List<EditionQueries.Stored>> read = positions.read(GROUP, minPosition,
                () -> queries.latest(FEED_ENTRIES));
        return ResponseEntity.ok().header(ReadResponses.POSITION_HEADER, Long.toString(read.position()))
                .contentType(ATOM).body(EditionFeeds.atom(read.value(), base()));
    }

    @GetMapping("/api/editions/feed.json")
    ResponseEntity<String> jsonFeed(@RequestParam(required = false) Long minPosition) {
        ProjectionPositions.Positioned<List<EditionQueries.Stored>> read = positions.read(GROUP, minPosition,
                () -> queries.latest(FEED_ENTRIES));
        return ResponseEntity.ok().header(ReadResponses.POSITION_HEADER, Long.toString(read.position()))
                .contentType(JSON_FEED).body(EditionFeeds.json(read.value(), base()));
    }

    private ProjectionPositions.Positioned<EditionQueries.Stored> stored(String number, Long minPosition) {
        int wanted = number(number);
        return positions.read(GROUP, minPosition, () -> queries.one(wanted))
                .map(found -> found.orElseThrow(() -> new NotFoundException("no edition with this number")));
    }

    private static int number(String text) {
        if (!text.matches("[1-9][0-9]{0,5}")) {
            throw new InvalidRequestException("number", "must be an edition number (1 or more)");
        }
        return Integer.parseInt(text);
    }

    private String base() {
        return address.of("/api/editions/");
    }
}
