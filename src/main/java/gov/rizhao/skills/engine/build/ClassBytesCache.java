package gov.rizhao.skills.engine.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader as the rule compiler sees it: what it has found or failed to find
 * once, it is not sent to look for in the jars again.
 *
 * <p>Compiling DRL probes many class names that do not exist (each import package for each simple
 * name, MVEL's guesses at inner classes) and ECJ reads the bytecode of every class a rule mentions
 * as a resource. Once the application has started, the Quarkus runner class loader keeps few jar
 * files open, so each probe opened a jar and indexed its entries again: that was three quarters of
 * a rebuild. The set of classes of a running application does not change, so a miss stays a miss.
 * Classes are still loaded by the parent: the facts the rules see are the application's own.
 */
final class ClassBytesCache extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final ConcurrentHashMap<String, Optional<byte[]>> bytes = new ConcurrentHashMap<>();
  private final Set<String> missing = ConcurrentHashMap.newKeySet();

  ClassBytesCache(ClassLoader parent) {
    super(parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (missing.contains(name)) {
      throw new ClassNotFoundException(name);
    }
    try {
      return super.loadClass(name, resolve);
    } catch (ClassNotFoundException e) {
      missing.add(name);
      throw e;
    }
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (!name.endsWith(".class")) {
      return super.getResourceAsStream(name);
    }
    return bytes.computeIfAbsent(name, this::read).map(ByteArrayInputStream::new).orElse(null);
  }

  private Optional<byte[]> read(String name) {
    try (InputStream in = getParent().getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
