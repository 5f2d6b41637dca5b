package ro.cluj.crt.command.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.organisation.Organisation;
import ro.cluj.crt.command.recommendation.RecommendationCommands.RecommendInitiative;
import ro.cluj.crt.command.recommendation.RecommendationCommands.TriageRecommendation;
import ro.cluj.crt.command.write.AggregateDirectory;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.EmailOrPhone;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.Texts;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.api.RecommendationReceipt;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.recommendation.Triage;
import ro.cluj.crt.events.vocabulary.TriageDecision;
import ro.cluj.crt.personal.PersonalDataVault;
import ro.cluj.crt.support.api.ApiDocumentation;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.web.CorrelationIds;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * Anyone recommends an initiative to be documented; staff triage each recommendation. The recommender becomes a
 * person of their own: their name and contact, and how to reach the initiative, are sealed with a new person key
 * here, before the command exists, so that no command, event or log line holds them in clear, and an admin can erase
 * them like any other person.
 */
@RestController
class RecommendationController {

    private static final String RECOMMENDATION = "/api/recommendations/{recommendationId}";
    private static final Logger log = LoggerFactory.getLogger(RecommendationController.class);

    private final RequestReader reader;
    private final StaffRequests requests;
    private final CommandSender commands;
    private final AggregateDirectory directory;
    private final PersonalDataVault vault;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RecommendationController(RequestReader reader, StaffRequests requests, CommandSender commands,
                             AggregateDirectory directory, PersonalDataVault vault,
                             PlatformTransactionManager transactions, Clock clock) {
        this.reader = reader;
        this.requests = requests;
        this.commands = commands;
        this.directory = directory;
        this.vault = vault;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Receives a recommendation; needs no login. The recommender's key is created in the same transaction as the
     * event, so a refused write leaves no key behind. Every request makes a new recommendation: its personal values
     * are sealed with a fresh nonce, so a repeat could not be recognised by its content anyway.
     */
    @PostMapping(RecommendationRateLimit.PATH)
    @ReadsBody(RecommendationRequests.Recommending.class)
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "429", ref = ApiDocumentation.TOO_MANY_REQUESTS)
    ResponseEntity<RecommendationReceipt> recommend(@RequestBody JsonNode body) {
        RecommendationRequests.Recommending request = reader.read(body, RecommendationRequests.Recommending.class);
        String recommendationId = Identifiers.random();
        String personId = Identifiers.random();
        WriteReceipt receipt = transaction.execute(status -> {
            PersonalDataVault.Sealer sealer = vault.sealerForNewPerson(PersonId.of(personId));
            return commands.send(new RecommendInitiative(recommendationId, request.what().strip(),
                    request.whoRunsIt().strip(), sealer.seal(request.howToReachThem().strip()), request.field(),
                    personId, recommender(sealer, request.recommender()),
                    Boolean.TRUE.equals(request.consentToContact())), publicMetadata());
        });
        log.info("received recommendation {} from person {}", recommendationId, personId);
        return ResponseEntity.created(URI.create("/api/recommendations/" + recommendationId))
                .body(new RecommendationReceipt(recommendationId, "new", clock.instant(), receipt.version(),
                        receipt.position()));
    }

    /**
     * Staff triage a recommendation: {@code accepted} for a registered organisation, {@code duplicate} of another
     * recommendation, or {@code out-of-scope} with a reason. Once triaged, only a {@code retriage} with a reason
     * changes the decision.
     */
    @PostMapping(RECOMMENDATION + "/triage")
    @ReadsBody(RecommendationRequests.Triaging.class)
    ResponseEntity<WriteReceipt> triage(@PathVariable String recommendationId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        RecommendationRequests.Triaging request = reader.read(body, RecommendationRequests.Triaging.class);
        boolean retriage = Boolean.TRUE.equals(request.retriage());
        Triage triage = new Triage(request.decision(), Texts.optional(request.organisationId()),
                Texts.optional(request.duplicateOf()), Texts.optional(request.reason()));
        TriageRules.check(triage, retriage);
        requests.requireExisting(recommendationId, Recommendation.class);
        if (triage.decision() == TriageDecision.ACCEPTED
                && !directory.exists(triage.organisationId(), Organisation.class)) {
            throw new RuleViolationException("accepted-for-registered-organisation", "organisationId",
                    "an accepted recommendation names a registered organisation; this one is not registered");
        }
        if (triage.decision() == TriageDecision.DUPLICATE
                && !directory.exists(triage.duplicateOf(), Recommendation.class)) {
            throw new RuleViolationException("duplicate-of-existing-recommendation", "duplicateOf",
                    "a duplicate names another recommendation; there is none with this id");
        }
        String why = triage.reason() != null ? triage.reason() : "triaged as " + triage.decision().code();
        MetaData metaData = requests.metadata(why);
        WriteReceipt receipt = commands.send(new TriageRecommendation(recommendationId,
                StaffRequests.expectedVersion(ifMatch), triage, retriage), metaData);
        log.info("recommendation {} {} as {}", recommendationId, retriage ? "retriaged" : "triaged",
                triage.decision().code());
        return WriteResponses.ok(receipt);
    }

    /** Who sent a public write: an account's opaque id when one is logged in, else {@code public}. */
    private static MetaData publicMetadata() {
        String actorId = Actor.current().map(Actor::accountId).orElse(EventMetadata.PUBLIC_ACTOR);
        return MetaData.with(EventMetadata.ACTOR_ID, actorId)
                .and(EventMetadata.ACTOR_ROLE, EventMetadata.PUBLIC_ACTOR)
                .and(EventMetadata.CORRELATION_ID, CorrelationIds.current());
    }

    private static ContactDetails recommender(PersonalDataVault.Sealer sealer,
                                              RecommendationRequests.Recommender recommender) {
        String contact = recommender.contact().strip();
        boolean email = EmailOrPhone.Check.isEmail(contact);
        return new ContactDetails(sealer.seal(recommender.name().strip()), null,
                email ? sealer.seal(contact) : null, email ? null : sealer.seal(contact), null);
    }
}
