package ro.cluj.crt.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Access tokens made by the tests themselves, as an attacker holding (or not holding) the signing key would. */
final class AccessTokens {

    private AccessTokens() {
    }

    /** A staff token as the tracker issues it, changed by {@code change}, signed with the tests' key. */
    static String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return signedWith(RunningTracker.TOKEN_SECRET, change);
    }

    static String signedWith(String secret, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("crt")
                .subject("acc-staff-0001")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("staff"));
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
            token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
