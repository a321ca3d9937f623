package gov.rizhao.skills.engine;

import java.util.List;
import java.util.Optional;

/**
 * Where the rule files of past versions are kept (a port: a feature that stores them implements
 * it), so that an older version can be built again, e.g. to replay a case under the rules that
 * decided it.
 */
public interface RulesetStore {
  /** The files of the version, if stored. */
  Optional<List<RuleFile>> files(String version);
}
