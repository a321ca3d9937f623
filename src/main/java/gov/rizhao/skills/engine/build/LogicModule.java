package gov.rizhao.skills.engine.build;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;

/**
 * The compiled logic (the DRL files) of one or more rulesets: a KieBase and the classes its DRL
 * declares. Shared by every ruleset built from the same DRL, so a reload that changed only a
 * workbook does not compile the DRL again; disposed when its last user lets go.
 */
final class LogicModule {
  final String key;
  final KieBase base;
  final Map<String, byte[]> classes;
  private final Runnable dispose;
  private final AtomicInteger users = new AtomicInteger(1);

  LogicModule(String key, KieBase base, Map<String, byte[]> classes, Runnable dispose) {
    this.key = key;
    this.base = base;
    this.classes = classes;
    this.dispose = dispose;
  }

  /** Another user; only while one is known to hold it. */
  LogicModule acquire() {
    users.incrementAndGet();
    return this;
  }

  void release() {
    if (users.decrementAndGet() == 0) {
      dispose.run();
    }
  }
}
