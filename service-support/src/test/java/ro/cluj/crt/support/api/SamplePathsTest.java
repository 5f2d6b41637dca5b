package ro.cluj.crt.support.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplePathsTest {

    @Test
    void aVariableRestrictedToListedValuesTakesTheFirst() {
        assertThat(ApiDocumentation.SamplePaths.sample("/api/{list:organisations|interviews|lessons}.csv"))
                .isEqualTo("/api/organisations.csv");
    }

    @Test
    void anyOtherVariableBecomesAPlainSegment() {
        assertThat(ApiDocumentation.SamplePaths.sample("/api/commitments/{commitmentId}/timeline"))
                .isEqualTo("/api/commitments/x/timeline");
        assertThat(ApiDocumentation.SamplePaths.sample("/api/editions/{number:\\d+}.csv"))
                .isEqualTo("/api/editions/x.csv");
    }
}
