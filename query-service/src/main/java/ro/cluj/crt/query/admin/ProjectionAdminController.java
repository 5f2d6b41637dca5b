package ro.cluj.crt.query.admin;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.NotFoundException;

/** Admins see where each projection stands and rebuild one from the events. */
@RestController
class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;

    ProjectionAdminController(EventProcessingConfiguration processing, ProjectionPositions positions) {
        this.processing = processing;
        this.positions = positions;
    }

    record ProjectionStatus(String name, boolean running, boolean replaying, long position) {
    }

    @GetMapping("/api/admin/projections")
    Map<String, ProjectionStatus> projections() {
        Map<String, ProjectionStatus> statuses = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                statuses.put(name, status(name, streaming));
            }
        });
        return statuses;
    }

    /** Drops the projection's rows and replays every event into it; reads keep answering while it catches up. */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("no projection with this name"));
        if (!processor.supportsReset()) {
            throw new ConflictException("not-rebuildable", "this processor is not a view and is never replayed");
        }
        log.info("rebuilding projection {} from the event store", name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(status(name, processor));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor) {
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), positions.position(name));
    }
}
