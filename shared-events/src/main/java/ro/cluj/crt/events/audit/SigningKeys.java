package ro.cluj.crt.events.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The tracker's Ed25519 key pair for signing chain checkpoints, as text: the base64 of the private key (PKCS#8) and
 * of the public key (X.509 SubjectPublicKeyInfo), separated by white space. The JDK cannot derive an Ed25519 public
 * key from the private one, so both are kept; {@link #parse} checks that they belong together.
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";
    private static final int KEY_ID_BYTES = 8;

    private SigningKeys() {
    }

    /** A new key pair, as the text {@link #parse} reads. */
    public static String generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return base64.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + base64.encodeToString(pair.getPublic().getEncoded()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no Ed25519", e);
        }
    }

    /**
     * Reads a key pair written by {@link #generate}.
     *
     * @throws IllegalArgumentException when the text is not two keys of one Ed25519 pair
     */
    public static KeyPair parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a signing key is two base64 texts: private key, then public key");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0])));
            PublicKey publicKey = publicKey(Base64.getDecoder().decode(parts[1]));
            byte[] probe = "crt-signing-key-probe".getBytes(StandardCharsets.US_ASCII);
            if (!verify(publicKey, probe, sign(privateKey, probe))) {
                throw new IllegalArgumentException("the signing key's two halves do not belong together");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing key is not an Ed25519 key pair in the expected form", e);
        }
    }

    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    /** A short name of a public key: the first 8 bytes of the SHA-256 of its X.509 encoding, in hex. */
    public static String keyId(PublicKey key) {
        return ChainHash.hex(Arrays.copyOf(ChainHash.sha256(key.getEncoded()), KEY_ID_BYTES));
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the signing key", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signed) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
