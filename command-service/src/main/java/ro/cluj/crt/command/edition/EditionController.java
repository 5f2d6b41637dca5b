package ro.cluj.crt.command.edition;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.write.AggregateDirectory;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.Texts;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * Staff publish weekly editions, numbered in order without gaps. The edition's content is the public report at the
 * moment of publishing, computed by the read side from the history; it is read at
 * {@code GET /api/editions/{number}} on the query service.
 */
@RestController
class EditionController {

    static final int MAX_NUMBER = 100_000;

    private final CommandSender commands;
    private final StaffRequests requests;
    private final AggregateDirectory directory;
    private final RequestReader reader;
    private final Clock clock;

    EditionController(CommandSender commands, StaffRequests requests, AggregateDirectory directory,
                      RequestReader reader, Clock clock) {
        this.commands = commands;
        this.requests = requests;
        this.directory = directory;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * @param weekOf   the Monday of the week the edition reports on
     * @param corrects the earlier edition this one corrects; then {@code reason} says what was wrong
     */
    record Publishing(@NotNull @Min(1) @Max(MAX_NUMBER) Integer number, LocalDate weekOf,
                      @NotBlank @Size(max = 500) String title, @Size(max = 32_000) String note,
                      @Min(1) @Max(MAX_NUMBER) Integer corrects, @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    @PostMapping("/api/editions")
    @ReadsBody(Publishing.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> publish(@RequestBody JsonNode body) {
        Publishing request = reader.read(body, Publishing.class);
        LocalDate today = LocalDate.now(clock.withZone(Clocks.CLUJ));
        if (request.weekOf() != null && request.weekOf().isAfter(today)) {
            throw new InvalidRequestException("weekOf", "must not be in the future");
        }
        String reason = Texts.optional(request.reason());
        if (request.corrects() != null && reason == null) {
            throw new InvalidRequestException("reason", "a correction says what it corrects");
        }
        if (request.corrects() == null && reason != null) {
            throw new InvalidRequestException("reason", "is given only with corrects");
        }
        int number = request.number();
        String id = idOf(number);
        if (number > 1 && !directory.exists(idOf(number - 1), Edition.class)) {
            throw new RuleViolationException("editions-in-order", "number",
                    "editions are numbered in order; edition " + (number - 1) + " is not published");
        }
        if (request.corrects() != null && (request.corrects() >= number
                || !directory.exists(idOf(request.corrects()), Edition.class))) {
            throw new RuleViolationException("corrects-an-earlier-edition", "corrects",
                    "a correction names an earlier, published edition");
        }
        PublishEdition command = new PublishEdition(id, number, today, request.weekOf(), request.title().strip(),
                Texts.optional(request.note()), request.corrects(), reason);
        WriteReceipt receipt = commands.send(command, requests.metadata(reason));
        return WriteResponses.created(URI.create("/api/editions/" + number), receipt);
    }

    /** An edition's aggregate id follows from its number, so a number is published once. */
    static String idOf(int number) {
        return Identifiers.derivedFrom("Edition", Integer.toString(number));
    }
}
