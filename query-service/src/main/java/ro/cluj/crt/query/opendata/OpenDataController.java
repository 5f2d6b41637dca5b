package ro.cluj.crt.query.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.QueryClock;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * The public list views whole, as CSV and JSON ({@code /api/organisations.csv}, {@code /api/lessons.json}, ...), as
 * the public sees them whoever asks, and the open-data archive of all of them ({@code /api/open-data.zip}). The
 * dashboard's commitments keep their own exports ({@code /api/dashboard/commitments.csv} and {@code .json}, with
 * filters); its scorecards get their JSON here beside their CSV.
 */
@RestController
class OpenDataController {

    private static final String LISTS = "organisations|interviews|measures|editions|lessons|sessions";
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final PublicTables tables;
    private final OpenDataArchive archive;
    private final ProjectionPositions positions;
    private final TableFiles files;
    private final Clock clock;

    OpenDataController(PublicTables tables, OpenDataArchive archive, ProjectionPositions positions,
                       ObjectMapper json, Clock clock) {
        this.tables = tables;
        this.archive = archive;
        this.positions = positions;
        this.files = new TableFiles(json);
        this.clock = clock;
    }

    @GetMapping("/api/{list:" + LISTS + "}.csv")
    ResponseEntity<String> csv(@PathVariable String list, @RequestParam(required = false) Long minPosition) {
        PublicTable table = table(list);
        return ReadResponses.csv(positions.read(table.views(), minPosition, () -> text(table, true)),
                table.name() + ".csv");
    }

    @GetMapping("/api/{list:" + LISTS + "}.json")
    ResponseEntity<String> json(@PathVariable String list, @RequestParam(required = false) Long minPosition) {
        return jsonOf(table(list), minPosition);
    }

    @GetMapping("/api/dashboard/scorecards.json")
    ResponseEntity<String> scorecards(@RequestParam(required = false) Long minPosition) {
        return jsonOf(table("scorecards"), minPosition);
    }

    /** The open-data archive, streamed; its descriptor names the position it reflects. */
    @GetMapping("/api/open-data.zip")
    void archive(HttpServletResponse response) throws IOException {
        response.setContentType(ZIP.toString());
        String name = "crt-open-data-" + LocalDate.now(clock.withZone(QueryClock.CLUJ)) + ".zip";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        archive.write(response.getOutputStream());
        response.flushBuffer();
    }

    private ResponseEntity<String> jsonOf(PublicTable table, Long minPosition) {
        ProjectionPositions.Positioned<String> read = positions.read(table.views(), minPosition,
                () -> text(table, false));
        return ResponseEntity.ok().header(ReadResponses.POSITION_HEADER, Long.toString(read.position()))
                .contentType(MediaType.APPLICATION_JSON).body(read.value());
    }

    private PublicTable table(String name) {
        return tables.named(name).orElseThrow(() -> new NotFoundException("no public list named " + name));
    }

    private String text(PublicTable table, boolean csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (csv) {
                files.csv(table, out);
            } else {
                files.json(table, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
