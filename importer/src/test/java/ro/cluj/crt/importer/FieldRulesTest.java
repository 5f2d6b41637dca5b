package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field table of SOURCES.md, indicator by indicator, and what happens to malformed values. */
class FieldRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C1: School closing|EDUCATION_AND_CHILDCARE",
        "C2: Workplace closing|WORK_AND_WORKPLACES",
        "C3: Cancel public events|MOBILITY_AND_GATHERINGS",
        "C8: International travel controls|MOBILITY_AND_GATHERINGS",
        "E1: Income support|EMPLOYMENT_AND_INCOME",
        "E4: International support|EMPLOYMENT_AND_INCOME",
        "H1: Public information campaigns|PUBLIC_INFORMATION",
        "H2: Testing policy|HEALTH",
        "H8: Protection of elderly people|HEALTH",
        "C9: Not an indicator|OTHER",
        "E5: Not an indicator|OTHER",
        "H9: Not an indicator|OTHER",
        "V1: Vaccine prioritisation|OTHER",
        "C1 School closing|OTHER",
        "School closing|OTHER"
    })
    void oxcgrtIndicators(String policyType, Field field) {
        assertThat(FieldRules.forIndicator(policyType)).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Protection of workers, adaptation of workplace|WORK_AND_WORKPLACES",
        "Employment protection and retention|EMPLOYMENT_AND_INCOME",
        "Income protection beyond short-time work|EMPLOYMENT_AND_INCOME",
        "Measures to prevent social hardship|SOCIAL_SUPPORT_AND_BASIC_NEEDS",
        "Supporting businesses to stay afloat|BUSINESS_CONTINUITY",
        "Supporting businesses to get back to normal|BUSINESS_CONTINUITY",
        "Reorientation of business activities|BUSINESS_CONTINUITY",
        "Ensuring business continuity and support for essential services|BUSINESS_CONTINUITY",
        "Promoting the economic, labour market and social recovery|ECONOMIC_RECOVERY",
        "Promoting the economic, labour market and social recovery into a green future|OTHER",
        "reorientation of business activities|OTHER"
    })
    void eurofoundCategories(String category, Field field) {
        assertThat(FieldRules.forCategory(category)).isEqualTo(field);
    }
}
