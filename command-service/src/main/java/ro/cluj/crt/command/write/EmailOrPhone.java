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
 * How to reach someone, given in one field: an e-mail address or a phone number. A text with {@code @} must look like
 * an address (one {@code @}, a dot in the domain, no spaces or angle brackets); anything else must be a phone number
 * of 6 to 20 digits, with spaces, {@code + ( ) . / -} allowed between them. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailOrPhone.Check.class)
public @interface EmailOrPhone {

    String message() default "must be an e-mail address or a phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Tells an e-mail address and a phone number apart, and checks each. */
    final class Check implements ConstraintValidator<EmailOrPhone, String> {

        private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\".]+");
        private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+");

        /** Whether the contact, once valid, is an e-mail address (else it is a phone number). */
        public static boolean isEmail(String contact) {
            return contact.indexOf('@') >= 0;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String contact = value.strip();
            if (isEmail(contact)) {
                return EMAIL.matcher(contact).matches();
            }
            long digits = contact.chars().filter(c -> c >= '0' && c <= '9').count();
            return PHONE.matcher(contact).matches() && digits >= 6 && digits <= 20;
        }
    }
}
