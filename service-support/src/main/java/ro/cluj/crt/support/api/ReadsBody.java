package ro.cluj.crt.support.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request record a handler reads its JSON body into. Handlers take the body as a tree and bind it themselves, so
 * that every bad field is reported at once; this tells the API description what the body holds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsBody {

    Class<?> value();
}
