package ro.cluj.crt.command.session;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import ro.cluj.crt.support.web.FieldError;

/**
 * Bean Validation for a scheduling request's place and link ({@link Venue}), reported on the fields {@code place}
 * and {@code link} themselves, so a bad venue is listed with every other bad field of the request.
 */
@Documented
@Constraint(validatedBy = VenueGiven.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface VenueGiven {

    String message() default "give a place, a link or both";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link SessionRequests.Scheduling}. */
    class Check implements ConstraintValidator<VenueGiven, SessionRequests.Scheduling> {

        @Override
        public boolean isValid(SessionRequests.Scheduling request, ConstraintValidatorContext context) {
            var problems = Venue.problems(request.place(), request.link());
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldError problem : problems) {
                context.buildConstraintViolationWithTemplate(problem.message()).addPropertyNode(problem.field())
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
