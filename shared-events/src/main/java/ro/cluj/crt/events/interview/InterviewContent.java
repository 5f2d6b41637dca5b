package ro.cluj.crt.events.interview;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.vocabulary.Channel;
import ro.cluj.crt.events.vocabulary.Consent;

/**
 * Everything an interview records. An amendment replaces the whole content; the earlier content stays in the history.
 *
 * @param supportOffer absent when the interview did not ask
 * @param source       present when the interview was documented from a published source
 */
public record InterviewContent(LocalDate date, Channel channel, List<Measure> measures,
                               List<SupportNeed> supportNeeds, SupportOffer supportOffer, String lessons,
                               Consent consent, PublishedSource source) {

    public InterviewContent {
        measures = measures == null ? List.of() : List.copyOf(measures);
        supportNeeds = supportNeeds == null ? List.of() : List.copyOf(supportNeeds);
    }
}
