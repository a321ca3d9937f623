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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.jboss.logging.Logger;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The key the service's own token issuer signs with: RSA 2048, generated on first use in the data
 * directory ({@code keys/}, readable by the owner only) and read from there afterwards, so tokens
 * outlive a restart.
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
    Path privateFile = dir.resolve("token-signing-key.pem");
    Path publicFile = dir.resolve("token-signing-key.pub.pem");
    try {
      if (!Files.exists(privateFile)) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        OwnerOnlyFiles.write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        OwnerOnlyFiles.write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        LOG.infof("Generated the token signing key in %s", dir.toAbsolutePath());
      }
      String publicPem = Files.readString(publicFile, StandardCharsets.US_ASCII);
      PrivateKey privateKey = KeyUtils.decodePrivateKey(Files.readString(privateFile));
      String kid =
          new RsaJsonWebKey((RSAPublicKey) KeyUtils.decodePublicKey(publicPem))
              .calculateBase64urlEncodedThumbprint("SHA-256");
      return new Loaded(privateKey, publicPem, kid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
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
