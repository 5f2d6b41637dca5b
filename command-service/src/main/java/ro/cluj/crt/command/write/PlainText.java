package ro.cluj.crt.command.write;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A text that must not carry HTML markup: no tag, end tag, comment, doctype or processing instruction, that is no
 * {@code <} followed by a letter, {@code /}, {@code !} or {@code ?}. Public texts are stored and shown as plain
 * text; refusing markup at the door means that no later page, export or e-mail can be tricked into rendering it,
 * while {@code a < b}, {@code x<3} and escaped text such as {@code &lt;b&gt;} stay allowed. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    String message() default "must be plain text: no HTML tags or comments (a '<' followed by a letter, '/', '!' "
            + "or '?')";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Finds markup in a text. */
    final class Check implements ConstraintValidator<PlainText, String> {

        private static final Pattern MARKUP = Pattern.compile("<[\\p{L}/!?]");

        /** Whether {@code text} holds the start of an HTML tag, end tag, comment or declaration. */
        public static boolean hasMarkup(String text) {
            return text != null && MARKUP.matcher(text).find();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !hasMarkup(value);
        }
    }
}
