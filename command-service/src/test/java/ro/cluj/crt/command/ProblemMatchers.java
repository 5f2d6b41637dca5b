package ro.cluj.crt.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.util.List;
import java.util.function.Function;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RuleViolationException;

/** Matchers for the exceptions aggregates throw, down to the state, rule or fields they name. */
public final class ProblemMatchers {

    private ProblemMatchers() {
    }

    public static Matcher<Object> conflict(String state) {
        return thrown(ConflictException.class, "state", ConflictException::state, state);
    }

    public static Matcher<Object> ruleViolation(String rule, String field) {
        return allOf(thrown(RuleViolationException.class, "rule", RuleViolationException::rule, rule),
                thrown(RuleViolationException.class, "field", RuleViolationException::field, field));
    }

    public static Matcher<Object> invalidFields(String... fields) {
        return thrown(InvalidRequestException.class, "fields",
                e -> e.errors().stream().map(FieldError::field).toList(), List.of(fields));
    }

    private static <E> Matcher<Object> thrown(Class<E> type, String name, Function<E, ?> feature, Object expected) {
        return allOf(instanceOf(type), new FeatureMatcher<Object, Object>(equalTo(expected),
                type.getSimpleName() + " with " + name, name) {
            @Override
            protected Object featureValueOf(Object actual) {
                return feature.apply(type.cast(actual));
            }
        });
    }
}
