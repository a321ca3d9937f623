package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL files into a KieBase with the KIE API (the classic build), and reads one back from
 * stored packages. The last module compiled is remembered: the next build with the same DRL reuses
 * it.
 */
final class LogicCompiler {
  private static final String BASE = "logic";

  private final KieServices kieServices = KieServices.Factory.get();
  private final ClassLoader loader;
  private final AtomicLong builds = new AtomicLong();

  /** The last module compiled; guarded by {@code this}. */
  private LogicModule last;

  LogicCompiler(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The module of these DRL files, compiled unless the last one had the same files; acquired for
   * the caller. On compile errors, they are added to {@code problems} and null is returned.
   */
  synchronized LogicModule module(String key, List<RuleFile> drl, List<RuleProblem> problems) {
    if (last != null && last.key.equals(key)) {
      return last.acquire();
    }
    LogicModule compiled = compile(key, drl, problems);
    if (compiled == null) {
      return null;
    }
    if (last != null) {
      last.release();
    }
    last = compiled.acquire();
    return compiled;
  }

  private LogicModule compile(String key, List<RuleFile> drl, List<RuleProblem> problems) {
    ReleaseId releaseId =
        kieServices.newReleaseId(
            "gov.rizhao.skills", "ruleset-logic", "1.0." + builds.incrementAndGet());
    KieFileSystem kfs = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
    KieModuleModel model = kieServices.newKieModuleModel();
    model.newKieBaseModel(BASE).setDefault(true).newKieSessionModel(BASE).setDefault(true);
    kfs.writeKModuleXML(model.toXML());
    for (RuleFile file : drl) {
      kfs.write(kiePath(file), file.content());
    }
    KieBuilder builder = kieServices.newKieBuilder(kfs, loader).buildAll(DrlProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      errors.forEach(m -> problems.add(locate(m, drl)));
      kieServices.getRepository().removeKieModule(releaseId);
      return null;
    }
    KieContainer container = kieServices.newKieContainer(releaseId, loader);
    Map<String, byte[]> classes =
        classesOf((InternalKieModule) kieServices.getRepository().getKieModule(releaseId));
    return new LogicModule(
        key,
        container.getKieBase(BASE),
        classes,
        () -> {
          container.dispose();
          kieServices.getRepository().removeKieModule(releaseId);
        });
  }

  /** A module from stored packages, its declared types defined from the stored classes. */
  LogicModule fromStored(String key, Map<String, byte[]> classes, byte[] packages)
      throws IOException, ClassNotFoundException {
    ClassLoader projectLoader =
        ProjectClassLoader.createProjectClassLoader(loader, new HashMap<>(classes));
    InternalKnowledgeBase base =
        KnowledgeBaseFactory.newKnowledgeBase(
            BASE, kieServices.newKieBaseConfiguration(null, projectLoader));
    try (ObjectInputStream in =
        new DroolsObjectInputStream(
            new ByteArrayInputStream(packages), base.getRootClassLoader())) {
      @SuppressWarnings("unchecked")
      List<KiePackage> read = (List<KiePackage>) in.readObject();
      base.addPackages(read);
    }
    return new LogicModule(key, base, classes, () -> {});
  }

  /** The packages of a KieBase, as {@link #fromStored} reads them. */
  static byte[] packages(KieBase base) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(base.getKiePackages()));
    } catch (IOException e) {
      throw new IllegalStateException("the ruleset cannot be serialized", e);
    }
    return bytes.toByteArray();
  }

  /** The classes a KieModule compiled for the rules' declared types. */
  private static Map<String, byte[]> classesOf(InternalKieModule module) {
    Map<String, byte[]> classes = new TreeMap<>();
    for (String name : module.getFileNames()) {
      if (name.endsWith(".class")) {
        classes.put(name, module.getBytes(name));
      }
    }
    return classes;
  }

  /**
   * Where a file goes in the KIE file system: in the folder of its package, whatever the rules
   * directory's name.
   */
  private static String kiePath(RuleFile file) {
    return "src/main/resources/rules/" + file.relativeName();
  }

  /** An engine message at its file and line, its text in full. */
  private static RuleProblem locate(Message m, List<RuleFile> drl) {
    String path = m.getPath() == null ? "" : m.getPath().replace('\\', '/');
    String text = "规则编译错误：" + DrlFiles.engineText(m.getText());
    for (RuleFile file : drl) {
      if (!path.isEmpty() && kiePath(file).endsWith(path)) {
        return m.getLine() > 0
            ? RuleProblem.atLine(file.name(), m.getLine(), m.getColumn(), text)
            : RuleProblem.ofFile(file.name(), text);
      }
    }
    return RuleProblem.ofFile(path.isEmpty() ? "(ruleset)" : path, text);
  }
}
