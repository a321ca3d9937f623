package gov.rizhao.skills.app;

import gov.rizhao.skills.common.OwnerOnlyFiles;
import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * The data directory holds the signing key, the first administrator's password and the embedded
 * database: at start it is made readable by its owner only (when this process owns it), whoever
 * created it first.
 */
@ApplicationScoped
public class DataDirectory {
  private static final Logger LOG = Logger.getLogger(DataDirectory.class);

  void onStart(@Observes StartupEvent event, SkillsConfig config) {
    try {
      OwnerOnlyFiles.restrict(config.dataDir());
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warnf("The data directory %s could not be made private: %s", config.dataDir(), e);
    }
  }
}
