package gov.rizhao.skills.identity;

import gov.rizhao.skills.common.OwnerOnlyFiles;
import gov.rizhao.skills.config.SkillsConfig;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.jboss.logging.Logger;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The key the service's own token issuer signs with: RSA 2048, generated on first use in the data
 * directory ({@code keys/token-signing-key.pem}, readable by the owner only) and read from there
 * afterwards, so tokens outlive a restart. Instances behind one address share it by sharing the
 * data directory (or use an OpenID Connect provider).
 */
@Singleton
public class SigningKey {
  private static final Logger LOG = Logger.getLogger(SigningKey.class);

  private final Path dir;
  private volatile Loaded loaded;

  private record Loaded(PrivateKey privateKey, String publicKeyPem, String keyId) {}

  public SigningKey(SkillsConfig config) {
    this.dir = config.dataDir().resolve("keys");
  }

  public PrivateKey privateKey() {
    return load().privateKey();
  }

  /** The public key as PEM (X.509 SubjectPublicKeyInfo): what tokens are checked with. */
  public String publicKeyPem() {
    return load().publicKeyPem();
  }

  /** The key's id ({@code kid}): its RFC 7638 thumbprint. */
  public String keyId() {
    return load().keyId();
  }

  private Loaded load() {
    Loaded known = loaded;
    if (known == null) {
      synchronized (this) {
        known = loaded;
        if (known == null) {
          known = readOrCreate();
          loaded = known;
        }
      }
    }
    return known;
  }

  private Loaded readOrCreate() {
    Path file = dir.resolve("token-signing-key.pem");
    try {
      if (!Files.exists(file)) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // Instances sharing the data directory may start together: the first key written wins.
        if (OwnerOnlyFiles.createIfAbsent(
            file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()))) {
          LOG.infof("Generated the token signing key in %s", dir.toAbsolutePath());
        }
      }
      PrivateKey privateKey = KeyUtils.decodePrivateKey(Files.readString(file));
      RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      String kid = new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
      return new Loaded(privateKey, pem("PUBLIC KEY", publicKey.getEncoded()), kid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("the token signing key in " + dir + " cannot be read", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
