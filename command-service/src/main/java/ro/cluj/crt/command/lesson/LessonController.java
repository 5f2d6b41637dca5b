package ro.cluj.crt.command.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.interview.InterviewMeasures;
import ro.cluj.crt.command.lesson.LessonCommands.DraftLesson;
import ro.cluj.crt.command.lesson.LessonCommands.PublishLesson;
import ro.cluj.crt.command.lesson.LessonCommands.ReviseLesson;
import ro.cluj.crt.command.lesson.LessonCommands.WithdrawLesson;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.events.lesson.LessonContent;
import ro.cluj.crt.events.lesson.LessonSource;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * Staff draft lessons learned, revise, publish and withdraw them. Every source a lesson names must be a recorded
 * interview that is not retracted and, where a measure is named, a measure of that interview's latest content.
 */
@RestController
class LessonController {

    private static final String LESSON = "/api/lessons/{lessonId}";
    private static final String SOURCES_RULE = "lesson-sources-exist";

    private final RequestReader reader;
    private final StaffRequests requests;
    private final CommandSender commands;
    private final InterviewMeasures interviews;

    LessonController(RequestReader reader, StaffRequests requests, CommandSender commands,
                     InterviewMeasures interviews) {
        this.reader = reader;
        this.requests = requests;
        this.commands = commands;
        this.interviews = interviews;
    }

    @PostMapping("/api/lessons")
    @ReadsBody(LessonRequests.Drafting.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> draft(@RequestBody JsonNode body,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        LessonRequests.Drafting request = reader.read(body, LessonRequests.Drafting.class);
        List<LessonSource> sources = sources(request.sources());
        String id = requests.idForCreate(Lesson.class, request.id(), null, key);
        DraftLesson command = new DraftLesson(id, new LessonContent(request.title().strip(), request.text().strip(),
                request.field(), request.lessonClass(), sources));
        WriteReceipt receipt = commands.send(command, requests.metadata(null));
        return WriteResponses.created(URI.create("/api/lessons/" + id), receipt);
    }

    @PostMapping(LESSON + "/revisions")
    @ReadsBody(LessonRequests.Revision.class)
    ResponseEntity<WriteReceipt> revise(@PathVariable String lessonId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LessonRequests.Revision request = reader.read(body, LessonRequests.Revision.class);
        if (request.title() == null && request.text() == null && request.field() == null
                && request.lessonClass() == null && request.sources() == null) {
            throw new InvalidRequestException(List.of("title", "text", "field", "lessonClass", "sources").stream()
                    .map(field -> new FieldError(field, "a revision gives at least one of the lesson's parts"))
                    .toList());
        }
        requests.requireExisting(lessonId, Lesson.class);
        String reason = request.reason().strip();
        ReviseLesson command = new ReviseLesson(lessonId, StaffRequests.expectedVersion(ifMatch),
                stripped(request.title()), stripped(request.text()), request.field(), request.lessonClass(),
                request.sources() == null ? null : sources(request.sources()), reason);
        return send(lessonId, command, reason);
    }

    @PostMapping(LESSON + "/publication")
    ResponseEntity<WriteReceipt> publish(@PathVariable String lessonId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(lessonId, new PublishLesson(lessonId, StaffRequests.expectedVersion(ifMatch)), null);
    }

    @PostMapping(LESSON + "/withdrawal")
    @ReadsBody(LessonRequests.Reasoned.class)
    ResponseEntity<WriteReceipt> withdraw(@PathVariable String lessonId, @RequestBody JsonNode body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = reader.read(body, LessonRequests.Reasoned.class).reason().strip();
        return send(lessonId, new WithdrawLesson(lessonId, StaffRequests.expectedVersion(ifMatch), reason), reason);
    }

    private ResponseEntity<WriteReceipt> send(String lessonId, Object command, String reason) {
        requests.requireExisting(lessonId, Lesson.class);
        return WriteResponses.ok(commands.send(command, requests.metadata(reason)));
    }

    /** The sources as events keep them, once each is known to exist (422 naming the first that does not). */
    private List<LessonSource> sources(List<LessonRequests.Source> given) {
        List<LessonSource> sources = new ArrayList<>();
        List<LessonRequests.Source> requested = given == null ? List.of() : given;
        for (int i = 0; i < requested.size(); i++) {
            LessonRequests.Source source = requested.get(i);
            LessonSource checked = new LessonSource(source.interviewId(), source.measureId());
            if (sources.contains(checked)) {
                throw new InvalidRequestException("sources[" + i + "]", "names a source twice");
            }
            requireExisting(checked, "sources[" + i + "]");
            sources.add(checked);
        }
        return sources;
    }

    private void requireExisting(LessonSource source, String path) {
        Optional<InterviewMeasures.Known> interview = interviews.find(source.interviewId());
        if (interview.isEmpty()) {
            throw new RuleViolationException(SOURCES_RULE, path + ".interviewId",
                    "a lesson comes from recorded interviews; no interview has this id");
        }
        if (interview.get().retracted()) {
            throw new RuleViolationException(SOURCES_RULE, path + ".interviewId",
                    "the interview is retracted and cannot be a lesson's source");
        }
        if (source.measureId() != null && !interview.get().measureIds().contains(source.measureId())) {
            throw new RuleViolationException(SOURCES_RULE, path + ".measureId",
                    "the interview has no measure with this id");
        }
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
