package ro.cluj.crt.query.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.AuditExportManifest;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * The export of the event chain for offline verification, for auditors ({@code QuerySecurity}): the NDJSON lines of
 * a range of links, and the manifest that pins them. The lines are written while they are read, so an export of the
 * whole history needs no more memory than one of ten links.
 */
@RestController
class AuditExportController {

    private static final Logger log = LoggerFactory.getLogger(AuditExportController.class);

    private final AuditExport export;

    AuditExportController(AuditExport export) {
        this.export = export;
    }

    @GetMapping("/api/audit/export/events.ndjson")
    void events(@RequestParam(required = false) Long fromLink, @RequestParam(required = false) Long toLink,
                HttpServletResponse response) throws IOException {
        AuditExport.Range range = range(fromLink, toLink);
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + AuditExport.EVENTS_FILE + "\"");
        log.info("chain export for account {}: links {} to {}", account(), fromLink, toLink);
        OutputStream out = response.getOutputStream();
        export.writeEvents(range, out);
        out.flush();
    }

    @GetMapping("/api/audit/export/manifest.json")
    AuditExportManifest manifest(@RequestParam(required = false) Long fromLink,
                                 @RequestParam(required = false) Long toLink) {
        AuditExportManifest manifest = export.manifest(range(fromLink, toLink));
        log.info("chain export manifest for account {}: links {} to {}, {} lines", account(),
                manifest.range().fromLink(), manifest.range().toLink(), manifest.links());
        return manifest;
    }

    /** Checks both ends at once and reports every bad one (400). */
    private static AuditExport.Range range(Long fromLink, Long toLink) {
        List<FieldError> errors = new ArrayList<>();
        if (fromLink != null && fromLink < 1) {
            errors.add(new FieldError("fromLink", "must be 1 or more"));
        }
        if (toLink != null && toLink < 1) {
            errors.add(new FieldError("toLink", "must be 1 or more"));
        } else if (toLink != null && fromLink != null && toLink < fromLink) {
            errors.add(new FieldError("toLink", "must not be below fromLink"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new AuditExport.Range(fromLink, toLink);
    }

    private static String account() {
        return Actor.current().map(Actor::accountId).orElse("-");
    }
}
