package gov.rizhao.skills.support;

import gov.rizhao.skills.config.SkillsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings for parts of the engine tested without the application: rules and a cache directory. */
public record TestConfig(Path rulesDir, Path cacheDir) implements SkillsConfig {
  @Override
  public Optional<Path> rulesetCacheDir() {
    return Optional.ofNullable(cacheDir);
  }

  @Override
  public long maxBodyBytes() {
    return 1 << 20;
  }

  @Override
  public Duration bodyReadTimeout() {
    return Duration.ofSeconds(10);
  }

  @Override
  public boolean rulesFromDisk() {
    return true;
  }

  @Override
  public long maxUploadBytes() {
    return 1 << 24;
  }

  @Override
  public int maxBatchCases() {
    return 1000;
  }

  @Override
  public Path dataDir() {
    return cacheDir;
  }

  @Override
  public Auth auth() {
    throw new UnsupportedOperationException("no accounts here");
  }

  @Override
  public Duration dryRunStaleness() {
    return Duration.ZERO;
  }

  @Override
  public Console console() {
    throw new UnsupportedOperationException("no console here");
  }
}
