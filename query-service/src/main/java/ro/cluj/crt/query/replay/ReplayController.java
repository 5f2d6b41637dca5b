package ro.cluj.crt.query.replay;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shadow replays over HTTP. Admins and auditors may start, watch, stop, resume, compare and discard a replay (an
 * auditor checking that a view matches the history needs all of that, and none of it changes what anyone reads);
 * only an admin may switch a copy in, since that replaces a live view.
 */
@RestController
class ReplayController {

    private static final String BASE = "/api/admin/replays";

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @GetMapping(BASE)
    List<ReplayProgress> all() {
        return replays.all();
    }

    @PostMapping(BASE + "/{group}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ReplayProgress> start(@PathVariable String group) {
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + group)).body(replays.start(group));
    }

    @GetMapping(BASE + "/{group}")
    ReplayProgress progress(@PathVariable String group) {
        return replays.progress(group);
    }

    @PostMapping(BASE + "/{group}/stop")
    ReplayProgress stop(@PathVariable String group) {
        return replays.stop(group);
    }

    @PostMapping(BASE + "/{group}/resume")
    ReplayProgress resume(@PathVariable String group) {
        return replays.resume(group);
    }

    @GetMapping(BASE + "/{group}/comparison")
    ReplayComparison comparison(@PathVariable String group) {
        return replays.compare(group);
    }

    @PostMapping(BASE + "/{group}/switch")
    ReplayComparison.Switched switchOver(@PathVariable String group) {
        return replays.switchOver(group);
    }

    @DeleteMapping(BASE + "/{group}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> discard(@PathVariable String group) {
        replays.discard(group);
        return ResponseEntity.noContent().build();
    }
}
