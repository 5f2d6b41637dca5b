package ro.cluj.crt.query.follow;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed: HMAC-SHA256 with the webhook's secret over the timestamp (Unix seconds, as sent in
 * {@value #TIMESTAMP_HEADER}), a full stop, and the body's bytes; sent as {@code sha256=<hex>} in
 * {@value #SIGNATURE_HEADER}. The timestamp inside the signed text lets a receiver refuse an old delivery that a third
 * party recorded and sends again.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-CRT-Signature";
    static final String TIMESTAMP_HEADER = "X-CRT-Timestamp";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
