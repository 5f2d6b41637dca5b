package ro.cluj.crt.query.page;

import java.util.Locale;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ProgressStatus;
import ro.cluj.crt.events.vocabulary.Vocabulary;

/** The names of vocabulary values in the page's language, for the templates. */
public record Labels(Locale locale) {

    public boolean english() {
        return locale.getLanguage().equals("en");
    }

    public String of(Vocabulary value) {
        return value == null ? "" : english() ? value.english() : value.romanian();
    }

    public String field(String code) {
        return code == null ? "" : of(Field.fromCode(code));
    }

    public String kind(String code) {
        return code == null ? "" : of(CommitmentKind.fromCode(code));
    }

    public String progress(String code) {
        return code == null ? "" : of(ProgressStatus.fromCode(code));
    }
}
