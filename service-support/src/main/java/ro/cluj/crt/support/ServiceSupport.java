package ro.cluj.crt.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import ro.cluj.crt.personal.PersonalDataConfiguration;
import ro.cluj.crt.support.api.ApiDocumentation;
import ro.cluj.crt.support.operations.Operations;
import ro.cluj.crt.support.security.TokenKeys;
import ro.cluj.crt.support.store.EventStoreSchema;
import ro.cluj.crt.support.store.StorageSerialization;
import ro.cluj.crt.support.web.WebSupport;

/** Everything both services take from this module; each service imports it once. */
@Configuration(proxyBeanMethods = false)
@Import({StorageSerialization.class, EventStoreSchema.class, TokenKeys.class, WebSupport.class,
    PersonalDataConfiguration.class, ApiDocumentation.class, Operations.class})
public class ServiceSupport {
}
