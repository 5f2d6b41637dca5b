package ro.cluj.crt.personal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The vault for a service: the key table {@code personal_data.person_key} and the configured master key. */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    public static final String KEY_TABLE = "personal_data.person_key";

    @Bean
    PersonalDataVault personalDataVault(JdbcTemplate jdbc,
                                        @Value("${crt.personal-data.master-key:}") String masterKey,
                                        @Value("${crt.personal-data.master-key-file:}") String masterKeyFile) {
        return new PersonalDataVault(jdbc, MasterKey.from(masterKey, masterKeyFile), KEY_TABLE);
    }

    /** A service with the wrong master key refuses to start, once its database is migrated. */
    @Bean
    ApplicationRunner masterKeyCheck(PersonalDataVault vault) {
        return arguments -> vault.checkMasterKey();
    }
}
