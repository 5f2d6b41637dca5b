package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Access tokens are checked beyond their signature: even a token signed with the deployment's own key is refused
 * unless it is ours, names an account by a valid id, and expires.
 */
class AccessTokenIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final String ORGANISATION = "{\"name\":\"Asociatia Token\",\"sector\":\"civil-society\"}";

    @Test
    void acceptsAWellFormedTokenSignedWithTheKey() {
        assertThat(writeWith(claims -> claims).status()).isEqualTo(201);
    }

    @Test
    void refusesATokenThatNeverExpires() {
        assertRefused(claims -> claims.expirationTime(null));
    }

    @Test
    void refusesATokenWithoutAnAccount() {
        assertRefused(claims -> claims.subject(null));
    }

    @Test
    void refusesATokenNamingNoValidAccountId() {
        assertRefused(claims -> claims.subject("ghost\u0000" + "x".repeat(3_000)));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertRefused(claims -> claims.issuer("someone-else"));
    }

    @Test
    void logsInEvenWhenTheClientStillSendsAStaleToken() {
        TrackerClient.Response login = system.client().post("/api/auth/token",
                "{\"username\":\"staff\",\"password\":\"staff-local-password\"}",
                Map.of("Authorization", "Bearer abc"));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("accessToken").asText()).isNotBlank();
    }

    @Test
    void answersAnAddressTheFirewallRefusesWithAProblem() {
        TrackerClient.Response refused = system.client().as("staff")
                .post("/api/organisations;jsessionid=1", ORGANISATION);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void letsThePublicAskForTheHeadersOfAPublicRead() {
        assertThat(system.client().head("/api/report").status()).isEqualTo(200);
    }

    private static void assertRefused(UnaryOperator<JWTClaimsSet.Builder> change) {
        long events = system.eventCount();

        TrackerClient.Response response = writeWith(change);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(system.eventCount()).isEqualTo(events);
    }

    private static TrackerClient.Response writeWith(UnaryOperator<JWTClaimsSet.Builder> change) {
        return system.client().post("/api/organisations", ORGANISATION,
                Map.of("Authorization", "Bearer " + AccessTokens.signed(change)));
    }
}
