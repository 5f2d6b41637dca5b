package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed logins are throttled per user name and per client address, every login attempt is audited (a structured
 * log line and a record admins and auditors read, never a password or an unknown user name), and the public's
 * requests to the read API are rate limited.
 */
class LoginThrottlingIT {

    private static final int ACCOUNT_FAILURES = 3;
    private static final int CLIENT_FAILURES = 5;
    private static final int PUBLIC_BURST = 5;

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--spring.datasource.hikari.maximum-pool-size=8",
            "--crt.security.login-throttle.account-failures=" + ACCOUNT_FAILURES,
            "--crt.security.login-throttle.account-period=1h",
            "--crt.security.login-throttle.client-failures=" + CLIENT_FAILURES,
            "--crt.security.login-throttle.client-period=1h",
            "--crt.query.public-rate-limit.burst=" + PUBLIC_BURST,
            "--crt.query.public-rate-limit.requests=1",
            "--crt.query.public-rate-limit.period=1h",
            "--logging.structured.format.file=ecs");

    private static TrackerClient admin;
    private static TrackerClient auditor;
    private static TrackerClient staff;

    @BeforeAll
    static void logIn() {
        admin = system.client().as("admin");
        auditor = system.client().as("auditor");
        staff = system.client().as("staff");
    }

    @Test
    void throttlesFailedLoginsPerUserNameThenPerClientAddressAndAuditsEveryAttempt() throws IOException {
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertThat(login("monitor", "guess-" + i).status()).isEqualTo(401);
        }

        TrackerClient.Response throttled = login("monitor", "monitor-local-password");

        assertThat(throttled.status()).as("even the right password, once the name's failures are used up")
                .isEqualTo(429);
        assertThat(throttled.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).as("one more attempt per 20 minutes").isBetween(1_100L, 1_200L);
        assertThat(login("staff", "staff-local-password").status()).as("another name from the same client")
                .isEqualTo(200);

        for (int i = 0; i < CLIENT_FAILURES - ACCOUNT_FAILURES; i++) {
            assertThat(login("nobody-" + i, "secret-guess-" + i).status()).isEqualTo(401);
        }
        TrackerClient.Response clientThrottled = login("staff", "staff-local-password");
        assertThat(clientThrottled.status()).as("the client's failures are used up").isEqualTo(429);
        assertThat(clientThrottled.header("Retry-After")).isNotBlank();

        JsonNode attempts = admin.getFromCommands("/api/admin/logins?limit=1000").json().get("attempts");
        List<String> lines = new ArrayList<>();
        String client = attempts.get(0).get("client").asText();
        assertThat(client).as("a pseudonym, not the address").matches("client-[0-9a-f]{16}");
        attempts.forEach(attempt -> lines.add(attempt.get("outcome").asText() + " "
                + attempt.path("accountId").asText("-") + " " + attempt.get("client").asText()));
        assertThat(lines).containsSubsequence("succeeded acc-admin-0001 " + client,
                "succeeded acc-auditor-0001 " + client, "succeeded acc-staff-0001 " + client,
                "failed acc-monitor-0001 " + client, "failed acc-monitor-0001 " + client,
                "failed acc-monitor-0001 " + client, "throttled acc-monitor-0001 " + client,
                "succeeded acc-staff-0001 " + client, "failed - " + client, "failed - " + client,
                "throttled acc-staff-0001 " + client);
        assertThat(attempts.get(0).get("correlationId").asText()).isNotBlank();
        assertThat(auditor.getFromCommands("/api/admin/logins?outcome=throttled").json().get("attempts"))
                .as("auditors read it too, filtered by outcome").hasSize(2);
        assertThat(staff.getFromCommands("/api/admin/logins").status()).isEqualTo(403);
        assertThat(system.client().getFromCommands("/api/admin/logins").status()).isEqualTo(401);

        String audit = attempts.toString();
        String log = Files.readString(system.logFile);
        assertThat(audit).as("the audit records no client address").doesNotContain("127.0.0.1");
        for (String secret : List.of("guess-0", "secret-guess-0", "nobody-0", "monitor-local-password")) {
            assertThat(audit).as("the audit records no password nor unknown user name").doesNotContain(secret);
            assertThat(log).as("the log records no password nor unknown user name").doesNotContain(secret);
        }
        List<JsonNode> logins = new ArrayList<>();
        for (String line : log.lines().toList()) {
            if (line.startsWith("{") && line.contains("\"login\"")) {
                logins.add(TrackerClient.JSON.readTree(line));
            }
        }
        assertThat(logins).anySatisfy(line -> {
            assertThat(line.path("accountId").asText()).isEqualTo("acc-monitor-0001");
            assertThat(line.path("outcome").asText()).isEqualTo("failed");
            assertThat(line.path("client").asText()).isEqualTo(client);
        });
        assertThat(logins).allSatisfy(line -> assertThat(line.toString()).doesNotContain("127.0.0.1"));
        assertThat(logins).anySatisfy(line -> assertThat(line.path("outcome").asText()).isEqualTo("throttled"));
    }

    @Test
    void limitsThePublicsReadsPerClientAndLeavesLoggedInReadersAlone() {
        List<TrackerClient.Response> answers = new ArrayList<>();
        for (int i = 0; i <= PUBLIC_BURST; i++) {
            answers.add(system.client().get("/api/vocabularies"));
        }

        assertThat(answers.subList(0, PUBLIC_BURST)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers.get(0).header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(PUBLIC_BURST - 1));
        TrackerClient.Response refused = answers.getLast();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(staff.get("/api/vocabularies").status()).as("logged in: not limited").isEqualTo(200);
        assertThat(staff.get("/api/report").status()).isEqualTo(200);
    }

    private static TrackerClient.Response login(String username, String password) {
        return system.client().post("/api/auth/token",
                TrackerClient.json(Map.of("username", username, "password", password)));
    }
}
