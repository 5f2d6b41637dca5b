package ro.cluj.crt.query.vocabulary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.VocabularyEntry;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;
import ro.cluj.crt.events.vocabulary.AuthorityLevel;
import ro.cluj.crt.events.vocabulary.Channel;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Consent;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.LessonClass;
import ro.cluj.crt.events.vocabulary.ParticipantRole;
import ro.cluj.crt.events.vocabulary.ProgressStatus;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.events.vocabulary.SupportHorizon;
import ro.cluj.crt.events.vocabulary.SupportKind;
import ro.cluj.crt.events.vocabulary.Vocabulary;

/** The controlled vocabularies, so that clients can show the allowed values with their labels. */
@RestController
class VocabularyController {

    private static final Map<String, List<VocabularyEntry>> VOCABULARIES = new LinkedHashMap<>();

    static {
        VOCABULARIES.put("sector", entries(Sector.values()));
        VOCABULARIES.put("authorityLevel", entries(AuthorityLevel.values()));
        VOCABULARIES.put("field", entries(Field.values()));
        VOCABULARIES.put("channel", entries(Channel.values()));
        VOCABULARIES.put("consent", entries(Consent.values()));
        VOCABULARIES.put("supportKind", entries(SupportKind.values()));
        VOCABULARIES.put("supportHorizon", entries(SupportHorizon.values()));
        VOCABULARIES.put("commitmentKind", entries(CommitmentKind.values()));
        VOCABULARIES.put("progressStatus", entries(ProgressStatus.values()));
        VOCABULARIES.put("assessmentLevel", entries(AssessmentLevel.values()));
        VOCABULARIES.put("lessonClass", entries(LessonClass.values()));
        VOCABULARIES.put("participantRole", entries(ParticipantRole.values()));
    }

    @GetMapping("/api/vocabularies")
    ResponseEntity<Map<String, List<VocabularyEntry>>> vocabularies() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(VOCABULARIES);
    }

    private static List<VocabularyEntry> entries(Vocabulary[] values) {
        return Arrays.stream(values)
                .map(value -> new VocabularyEntry(value.code(), value.english(), value.romanian()))
                .toList();
    }
}
