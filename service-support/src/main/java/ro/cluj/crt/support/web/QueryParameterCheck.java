package ro.cluj.crt.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters that hold a control character or a broken character (400 naming each), the same rule
 * as for request bodies, before a controller hands them on: PostgreSQL refuses U+0000 in text, and no filter or id
 * needs one.
 */
public class QueryParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (RequestReader.hasControlCharacter(name) || RequestReader.hasLoneSurrogate(name)) {
                errors.add(new FieldError("(parameter name)", "holds a control or broken character"));
                continue;
            }
            for (String value : parameter.getValue()) {
                // a form body of a PUT (Spring's FormContentFilter) may give a name without a value
                if (value != null
                        && (RequestReader.hasControlCharacter(value) || RequestReader.hasLoneSurrogate(value))) {
                    errors.add(new FieldError(name, "holds a control or broken character"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return true;
    }
}
