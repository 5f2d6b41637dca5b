package ro.cluj.crt.command.interview;

import static ro.cluj.crt.command.write.Texts.optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ro.cluj.crt.command.write.ExternalReferenceRequest;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.Measure;
import ro.cluj.crt.events.interview.PublishedSource;
import ro.cluj.crt.events.interview.SupportNeed;
import ro.cluj.crt.events.interview.SupportOffer;
import ro.cluj.crt.events.vocabulary.Channel;
import ro.cluj.crt.events.vocabulary.Consent;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.SupportHorizon;
import ro.cluj.crt.events.vocabulary.SupportKind;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/** The bodies of the interview endpoints. Texts without a limit of their own may hold up to 32,000 characters. */
final class InterviewRequests {

    private InterviewRequests() {
    }

    /** What recording and amending share: the whole content of an interview. */
    interface Content {
        LocalDate date();

        Channel channel();

        List<MeasureRequest> measures();

        List<SupportNeedRequest> supportNeeds();

        SupportOfferRequest supportOffer();

        String lessons();

        Consent consent();

        PublishedSourceRequest source();
    }

    /** Record an interview. {@code organisationId} is required unless the organisation is named in the path. */
    record Recording(String id, String organisationId, @NotNull LocalDate date, @NotNull Channel channel,
                     @Size(max = 200) @Valid List<MeasureRequest> measures,
                     @Size(max = 50) @Valid List<SupportNeedRequest> supportNeeds,
                     @Valid SupportOfferRequest supportOffer, String lessons, @NotNull Consent consent,
                     @Valid PublishedSourceRequest source, @Valid ExternalReferenceRequest externalReference)
            implements Content {
    }

    /** Amend an interview: its whole new content, and why. */
    record Amendment(@NotNull LocalDate date, @NotNull Channel channel,
                     @Size(max = 200) @Valid List<MeasureRequest> measures,
                     @Size(max = 50) @Valid List<SupportNeedRequest> supportNeeds,
                     @Valid SupportOfferRequest supportOffer, String lessons, @NotNull Consent consent,
                     @Valid PublishedSourceRequest source, @NotBlank @Size(max = Reasons.MAX_LENGTH) String reason)
            implements Content {
    }

    record Retraction(@NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    /** A measure; without an {@code id} it keeps the id of the measure in the same place before. */
    record MeasureRequest(String id, @Size(max = 500) String title, @NotNull Field field,
                          @Size(max = 500) String fieldDetail, @NotBlank String description,
                          @Size(max = 50) List<@Size(max = 500) String> targetGroups, LocalDate startDate,
                          LocalDate endDate, @Size(max = 50) List<@Size(max = 500) String> partners, String reach,
                          @Size(max = 100) List<@Size(max = 500) String> industries,
                          @Size(max = 100) List<@Size(max = 2000) String> evidence) {
    }

    record SupportNeedRequest(@NotNull SupportKind kind, SupportHorizon horizon, String description) {
    }

    record SupportOfferRequest(@NotNull Boolean willing, @Size(max = 20) List<Field> fields, String description) {
    }

    record PublishedSourceRequest(@NotBlank @Size(max = 500) String name, @Size(max = 2000) String reference,
                                  @Size(max = 2000) String attribution, @Size(max = 500) String licence) {
    }

    /** The content as events carry it; measure ids without a client id are derived from the interview and place. */
    static InterviewContent toContent(Content request, String interviewId) {
        List<FieldError> errors = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<MeasureRequest> given = request.measures() == null ? List.of() : request.measures();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Measure measure = toMeasure(given.get(i), interviewId, i, errors);
            if (!ids.add(measure.measureId())) {
                errors.add(new FieldError("measures[" + i + "].id", "is used by another measure of the interview"));
            }
            measures.add(measure);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<SupportNeed> needs = request.supportNeeds() == null ? List.of() : request.supportNeeds().stream()
                .map(need -> new SupportNeed(need.kind(), need.horizon(), optional(need.description())))
                .toList();
        SupportOfferRequest offer = request.supportOffer();
        PublishedSourceRequest source = request.source();
        return new InterviewContent(request.date(), request.channel(), measures, needs,
                offer == null ? null : new SupportOffer(offer.willing(), offer.fields(), optional(offer.description())),
                optional(request.lessons()), request.consent(),
                source == null ? null : new PublishedSource(source.name().strip(), optional(source.reference()),
                        optional(source.attribution()), optional(source.licence())));
    }

    private static Measure toMeasure(MeasureRequest m, String interviewId, int index, List<FieldError> errors) {
        String path = "measures[" + index + "]";
        if (m.id() != null && !Identifiers.isValid(m.id())) {
            errors.add(new FieldError(path + ".id", "must have 1 to 64 letters, digits, '-' or '_'"));
        }
        if (m.startDate() != null && m.endDate() != null && m.endDate().isBefore(m.startDate())) {
            errors.add(new FieldError(path + ".endDate", "must not be before startDate"));
        }
        String id = m.id() != null ? m.id() : Identifiers.derivedFrom("Measure", interviewId + "/" + index);
        return new Measure(id, optional(m.title()), m.field(), optional(m.fieldDetail()), m.description().strip(),
                m.targetGroups(), m.startDate(), m.endDate(), m.partners(), optional(m.reach()), m.industries(),
                m.evidence());
    }
}
