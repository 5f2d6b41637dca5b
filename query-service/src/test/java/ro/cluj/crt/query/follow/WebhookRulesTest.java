package ro.cluj.crt.query.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    private static final WebhookSettings DEFAULTS = new WebhookSettings(null, null, null, null, null, null, false);

    @Test
    void theSignatureIsTheHmacOfTimestampFullStopAndBodyAsOpensslComputesIt() {
        // printf '%s' '1733346000.{"hello":"world"}' | openssl dgst -sha256 -hmac "It's a Secret to Everybody"
        assertThat(WebhookSignature.sign("It's a Secret to Everybody", 1733346000L,
                "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=d328e3eee2a6a74ba4a6b21e9148feaf1577f1edcea95249b091fb01087509f0");
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        assertThat(DEFAULTS.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULTS.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DEFAULTS.backoffAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(DEFAULTS.backoffAfter(9)).isEqualTo(Duration.ofMinutes(42).plusSeconds(40));
        assertThat(DEFAULTS.backoffAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(DEFAULTS.backoffAfter(1000)).isEqualTo(Duration.ofHours(1));
        assertThat(DEFAULTS.maxAttempts()).isEqualTo(10);
    }

    @Test
    void targetsOnLinkLocalMetadataOrUnspecifiedAddressesAreRefusedAlways() {
        WebhookTargets permissive = new WebhookTargets(new WebhookSettings(null, null, null, null, null, null, true));
        for (String target : new String[] {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
            "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://0.0.0.0:8080/", "http://[::]/",
            "http://255.255.255.255/", "http://224.0.0.1/", "http://[::ffff:169.254.169.254]/"}) {
            assertThat(permissive.problem(target)).as(target).isPresent();
        }
    }

    @Test
    void loopbackAndPrivateTargetsNeedTheSetting() {
        WebhookTargets strict = new WebhookTargets(DEFAULTS);
        WebhookTargets permissive = new WebhookTargets(new WebhookSettings(null, null, null, null, null, null, true));
        for (String target : new String[] {"http://127.0.0.1:9000/hook", "http://localhost/hook", "http://[::1]/",
            "https://10.1.2.3/", "http://192.168.0.10/", "http://172.16.5.4/", "http://100.64.0.1/",
            "http://[fc00::1]/"}) {
            assertThat(strict.problem(target)).as(target).isPresent();
            assertThat(permissive.problem(target)).as(target).isEmpty();
        }
        assertThat(strict.problem("https://93.184.215.14/hook")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsWithoutCredentialsOrFragments() {
        WebhookTargets permissive = new WebhookTargets(new WebhookSettings(null, null, null, null, null, null, true));
        for (String target : new String[] {"ftp://127.0.0.1/", "file:///etc/passwd", "127.0.0.1/hook", "not a url",
            "http://user:pass@127.0.0.1/", "http://127.0.0.1/#part", "javascript:alert(1)", "http:///path"}) {
            assertThat(permissive.problem(target)).as(target).isPresent();
        }
    }

    @Test
    void feedTextDropsWhatXmlCannotCarryAndKeepsTheRest() {
        assertThat(AtomWriter.clean("a\u0000b\u0008c\td\ne\uD800f \uD83D\uDE00 <&>"))
                .isEqualTo("abc\td\nef \uD83D\uDE00 <&>");
    }

    @Test
    void summariesSayWhatChanged() {
        assertThat(ChangeSummaries.label("ProgressReported")).isEqualTo("Progress reported");
        assertThat(ChangeSummaries.of("CommitmentRevised", java.util.Map.of("part", "targetDate",
                "previousValue", "2027-01-01", "value", "2028-01-01"), "funding"))
                .isEqualTo("Commitment revised. targetDate: 2027-01-01 → 2028-01-01. Reason: funding");
    }
}
