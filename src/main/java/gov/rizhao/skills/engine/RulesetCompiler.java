package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.ParameterView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Builds a {@link Ruleset} from the files of a rules directory with the KIE API: DRL files as they
 * are, decision tables ({@code *.drl.xlsx}) through the spreadsheet compiler. Every problem is
 * reported with its file and its line, or its sheet and row, and a ruleset with any problem is
 * never returned.
 */
public class RulesetCompiler {
  /** The agenda group of the table rows that declare measures and parameters. */
  public static final String CATALOG_GROUP = "catalog";

  /** The KieBase of the logic (DRL, package {@code rules}): what evaluates cases. */
  static final String LOGIC_BASE = "logic";

  /**
   * The KieBase of the tables (package {@code rules.tables}): read once per build for measures and
   * parameters.
   */
  static final String CATALOG_BASE = "catalog";

  private static final String TABLE_SUFFIX = RuleFile.TABLE_SUFFIX;
  private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
  private static final Pattern TABLE_ROW = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
  private static final Pattern PARAM_REF =
      Pattern.compile("params\\.(?:get|has|lists)\\(\\s*\"([^\"]+)\"");
  private static final AtomicLong BUILDS = new AtomicLong();
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(RulesetCompiler.class);

  /**
   * Shared by every build of this JVM: what one build read from the jars, the next need not read
   * again.
   */
  private static final ClassLoader LOADER =
      new ClassBytesCache(RulesetCompiler.class.getClassLoader());

  private final KieServices kieServices = KieServices.Factory.get();
  private final Optional<RulesetCache> cache;

  /** A compiler that compiles every time. */
  public RulesetCompiler() {
    this.cache = Optional.empty();
  }

  /**
   * A compiler that keeps what it built in {@code cacheDir} and reuses it for the same files (when
   * given).
   */
  public RulesetCompiler(Optional<Path> cacheDir) {
    this.cache = cacheDir.flatMap(RulesetCache::in);
  }

  /** DRL to give the engine, with a way back from its lines to the analyst's file. */
  private record Unit(
      RuleFile file,
      String drl,
      String kiePath,
      Map<String, Integer> lineToRow,
      String sheetName) {}

  /** The two KieBases of a build, however they were obtained, and how to release them. */
  private record Bases(
      KieBase logic,
      KieBase catalog,
      Map<String, byte[]> classes,
      KieSessionsPool sessions,
      Runnable release) {}

  /**
   * Sessions kept ready per ruleset version: enough for every request thread of a small machine.
   */
  private static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);

  /** Builds the rule files of a directory. */
  public Ruleset compile(Path rulesDir) {
    long started = System.nanoTime();
    List<RuleFile> files = read(rulesDir);
    if (files.isEmpty()) {
      throw new RulesetBuildException(
          List.of(
              new RuleProblem(
                  rulesDir.toString(),
                  null,
                  "no rule files (*.drl, *.drl.xlsx) in this directory")));
    }
    return compile(files, started);
  }

  /** Builds the given rule files, e.g. those a stored version kept. */
  public Ruleset compile(List<RuleFile> files) {
    return compile(files, System.nanoTime());
  }

  private Ruleset compile(List<RuleFile> files, long started) {
    Phases phases = new Phases(started);
    phases.mark("read");
    String version = version(files);
    Optional<RulesetCache.Stored> stored = cache.flatMap(c -> c.load(version));
    Optional<Bases> cached = stored.flatMap(RulesetCompiler::fromCache);
    if (cached.isPresent()) {
      phases.mark("kiebase from cache");
    }
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, RuleLocation> locations = new LinkedHashMap<>();
    List<Unit> units = new ArrayList<>();
    Map<RuleFile, Translation> translations =
        cached.isPresent() ? storedTables(files, stored.get()) : translateTables(files);
    for (RuleFile file : files) {
      if (file.isTable()) {
        translateTable(file, translations.get(file), problems, locations).ifPresent(units::add);
      } else {
        String drl = new String(file.content(), StandardCharsets.UTF_8);
        units.add(new Unit(file, drl, kiePath(file), Map.of(), null));
        locateDrlRules(file.name(), drl, problems, locations);
      }
    }
    phases.mark("tables");
    if (!problems.isEmpty()) {
      cached.ifPresent(b -> b.release().run());
      throw new RulesetBuildException(problems);
    }
    Bases bases = cached.isPresent() ? cached.get() : build(units, problems);
    if (cached.isEmpty()) {
      phases.mark("compile and kiebase");
    }
    checkCatalogGroup(bases, units, locations, problems);
    Catalog catalog = readCatalog(bases.catalog(), locations, problems);
    checkParameterReferences(units, catalog, problems);
    phases.mark("catalog");
    if (!problems.isEmpty()) {
      bases.release().run();
      throw new RulesetBuildException(problems);
    }
    if (cached.isEmpty()) {
      cache.ifPresent(
          c ->
              c.store(
                  version,
                  tablesOf(files, translations),
                  bases.classes(),
                  bases.logic(),
                  bases.catalog()));
      phases.mark("cache write");
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Ruleset(
        version,
        bases.logic(),
        bases.sessions(),
        bases.release(),
        catalog.measures(),
        catalog.parameters(),
        locations,
        files,
        millis,
        phases.toString());
  }

  /**
   * One compiled KieModule with a single KieBase: the logic (the DRL files) or the catalog (the
   * tables). Kept by the compiler until the next build of that kind and shared by every ruleset
   * built from the same files, so a reload that changed only a table does not compile the DRL
   * again, and the other way round. Disposed when the last user lets go.
   */
  private final class Module {
    final String key;
    final ReleaseId releaseId;
    final KieContainer container;
    final KieBase base;
    final Map<String, byte[]> classes;
    private final java.util.concurrent.atomic.AtomicInteger users =
        new java.util.concurrent.atomic.AtomicInteger(1);

    Module(
        String key,
        ReleaseId releaseId,
        KieContainer container,
        KieBase base,
        Map<String, byte[]> classes) {
      this.key = key;
      this.releaseId = releaseId;
      this.container = container;
      this.base = base;
      this.classes = classes;
    }

    /** Another user; only while one is known to hold it (the compiler's memo, under its lock). */
    Module acquire() {
      users.incrementAndGet();
      return this;
    }

    void release() {
      if (users.decrementAndGet() == 0) {
        container.dispose();
        kieServices.getRepository().removeKieModule(releaseId);
      }
    }
  }

  /** The last logic and catalog modules built; guarded by {@code this}. */
  private Module lastLogic;

  private Module lastCatalog;

  /**
   * The logic and catalog KieBases of these units: each compiled unless the last build of its kind
   * had the same files. Compile errors of both are added to {@code problems} and thrown.
   */
  private synchronized Bases build(List<Unit> units, List<RuleProblem> problems) {
    List<Unit> logicUnits = units.stream().filter(u -> !u.file().isTable()).toList();
    List<Unit> tableUnits = units.stream().filter(u -> u.file().isTable()).toList();
    String logicKey = version(logicUnits.stream().map(Unit::file).toList());
    String catalogKey = version(tableUnits.stream().map(Unit::file).toList());
    Module logic =
        lastLogic != null && lastLogic.key.equals(logicKey)
            ? lastLogic.acquire()
            : compileModule(LOGIC_BASE, logicKey, logicUnits, problems);
    Module catalog =
        lastCatalog != null && lastCatalog.key.equals(catalogKey)
            ? lastCatalog.acquire()
            : compileModule(CATALOG_BASE, catalogKey, tableUnits, problems);
    if (!problems.isEmpty()) {
      if (logic != null) {
        logic.release();
      }
      if (catalog != null) {
        catalog.release();
      }
      throw new RulesetBuildException(problems);
    }
    if (lastLogic != logic) {
      if (lastLogic != null) {
        lastLogic.release();
      }
      lastLogic = logic.acquire();
    }
    if (lastCatalog != catalog) {
      if (lastCatalog != null) {
        lastCatalog.release();
      }
      lastCatalog = catalog.acquire();
    }
    KieSessionsPool sessions = logic.container.newKieSessionsPool(POOL_SIZE);
    Module logicUsed = logic;
    Module catalogUsed = catalog;
    return new Bases(
        logic.base,
        catalog.base,
        logic.classes,
        sessions,
        () -> {
          sessions.shutdown();
          logicUsed.release();
          catalogUsed.release();
        });
  }

  /**
   * Compiles units into a module of one KieBase; null, with the problems added, if they do not
   * compile.
   */
  private Module compileModule(
      String baseName, String key, List<Unit> units, List<RuleProblem> problems) {
    ReleaseId releaseId =
        kieServices.newReleaseId(
            "gov.rizhao.skills", "ruleset-" + baseName, "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
    KieModuleModel module = kieServices.newKieModuleModel();
    module.newKieBaseModel(baseName).setDefault(true).newKieSessionModel(baseName).setDefault(true);
    kfs.writeKModuleXML(module.toXML());
    for (Unit unit : units) {
      kfs.write(unit.kiePath(), unit.drl());
    }
    KieBuilder builder = kieServices.newKieBuilder(kfs, LOADER).buildAll(DrlProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      errors.forEach(m -> problems.add(locate(m, units)));
      kieServices.getRepository().removeKieModule(releaseId);
      return null;
    }
    KieContainer container = kieServices.newKieContainer(releaseId, LOADER);
    Map<String, byte[]> classes =
        RulesetCache.classesOf(
            (InternalKieModule) kieServices.getRepository().getKieModule(releaseId));
    return new Module(key, releaseId, container, container.getKieBase(baseName), classes);
  }

  /**
   * The KieBases of a stored build: no workbook read, nothing compiled. None if the stored packages
   * cannot be loaded: then the rules are compiled, as if nothing were stored, and the build is
   * written anew.
   */
  private static Optional<Bases> fromCache(RulesetCache.Stored stored) {
    try {
      InternalKnowledgeBase logic =
          RulesetCache.kieBase(LOGIC_BASE, stored.classes(), stored.logic(), LOADER);
      InternalKnowledgeBase catalog =
          RulesetCache.kieBase(CATALOG_BASE, stored.classes(), stored.catalog(), LOADER);
      KieSessionsPool sessions = logic.newKieSessionsPool(POOL_SIZE);
      return Optional.of(new Bases(logic, catalog, stored.classes(), sessions, sessions::shutdown));
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      LOG.warnf("A cached build could not be loaded (%s); compiling the rules instead", e);
      return Optional.empty();
    }
  }

  /**
   * The stored translations of the tables (the cache file is keyed by every file's content, tables
   * included).
   */
  private static Map<RuleFile, Translation> storedTables(
      List<RuleFile> files, RulesetCache.Stored stored) {
    Map<RuleFile, Translation> result = new HashMap<>();
    for (RuleFile file : files) {
      if (file.isTable()) {
        String key = RulesetCache.sha256(file.content());
        RulesetCache.TableDrl table = stored.tables().get(key);
        Translation t =
            table == null ? translate(file) : new Translation(table.drl(), table.sheet(), null);
        TRANSLATED.put(key, t);
        result.put(file, t);
      }
    }
    return result;
  }

  /** The translations of a build's tables, to store with it. */
  private static Map<String, RulesetCache.TableDrl> tablesOf(
      List<RuleFile> files, Map<RuleFile, Translation> translations) {
    Map<String, RulesetCache.TableDrl> tables = new HashMap<>();
    for (RuleFile file : files) {
      Translation t = translations.get(file);
      if (t != null) {
        tables.put(
            RulesetCache.sha256(file.content()), new RulesetCache.TableDrl(t.drl(), t.sheet()));
      }
    }
    return tables;
  }

  /** The files of the ruleset, sorted; scenario tests and editor lock files are not rules. */
  static List<RuleFile> read(Path rulesDir) {
    if (!Files.isDirectory(rulesDir)) {
      throw new RulesetBuildException(
          List.of(
              new RuleProblem(rulesDir.toString(), null, "the rules directory does not exist")));
    }
    String top = rulesDir.toAbsolutePath().normalize().getFileName().toString();
    List<RuleProblem> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(rulesDir)) {
      List<RuleFile> files = new ArrayList<>();
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = rulesDir.relativize(p);
        String relName = rel.toString().replace('\\', '/');
        String fileName = p.getFileName().toString();
        if (relName.startsWith("tests/")
            || fileName.startsWith(".")
            || fileName.startsWith("~$")
            || fileName.startsWith(".~lock")) {
          continue;
        }
        String name = top + "/" + relName;
        if (fileName.endsWith(".drl") || fileName.endsWith(TABLE_SUFFIX)) {
          files.add(new RuleFile(name, relName, Files.readAllBytes(p)));
        } else if (fileName.endsWith(".xlsx") || fileName.endsWith(".xls")) {
          problems.add(
              new RuleProblem(
                  name,
                  null,
                  "a decision table must be named *.drl.xlsx, or the engine would skip it without a word"));
        }
      }
      if (!problems.isEmpty()) {
        throw new RulesetBuildException(problems);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sha256:} of the files' names and contents: equal rule files, equal version. */
  public static String version(List<RuleFile> files) {
    MessageDigest digest = RulesetCache.digest();
    for (RuleFile f : files) {
      digest.update(f.name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(f.content());
      digest.update((byte) 0);
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Where a file goes in the KIE file system: in the folder of its package, whatever the rules
   * directory's name.
   */
  private static String kiePath(RuleFile file) {
    return file.isTable()
        ? "src/main/resources/rules/tables/" + file.relativeName() + ".drl"
        : "src/main/resources/rules/" + file.relativeName();
  }

  /**
   * A decision table as DRL, or why it cannot be read; the same bytes always translate the same.
   */
  private record Translation(String drl, String sheet, String error) {}

  /**
   * The last tables translated, by content: an analyst who edits one table of eleven waits for that
   * one alone, and a reload that changed only DRL reads no workbook at all.
   */
  private static final Map<String, Translation> TRANSLATED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Translation> eldest) {
              return size() > 64;
            }
          });

  /**
   * Reads workbooks side by side, with the application's class loader (POI finds its schemas
   * through it).
   */
  private static final ExecutorService TABLE_READERS =
      Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          r -> {
            Thread t = new Thread(r, "rule-tables");
            t.setDaemon(true);
            t.setContextClassLoader(RulesetCompiler.class.getClassLoader());
            return t;
          });

  /**
   * Translates the tables not translated before, side by side: reading a workbook is most of a
   * table's cost.
   */
  private static Map<RuleFile, Translation> translateTables(List<RuleFile> files) {
    Map<RuleFile, CompletableFuture<Translation>> pending = new LinkedHashMap<>();
    for (RuleFile file : files) {
      if (file.isTable()) {
        String key = RulesetCache.sha256(file.content());
        Translation known = TRANSLATED.get(key);
        pending.put(
            file,
            known != null
                ? CompletableFuture.completedFuture(known)
                : CompletableFuture.supplyAsync(() -> translate(file), TABLE_READERS)
                    .thenApply(
                        t -> {
                          TRANSLATED.put(key, t);
                          return t;
                        }));
      }
    }
    Map<RuleFile, Translation> result = new HashMap<>();
    pending.forEach((file, t) -> result.put(file, t.join()));
    return result;
  }

  private static Translation translate(RuleFile file) {
    try {
      String drl =
          new SpreadsheetCompiler()
              .compile(new ByteArrayInputStream(file.content()), InputType.XLS);
      return new Translation(drl, singleSheetName(file), null);
    } catch (RuntimeException e) {
      return new Translation(null, null, "the decision table cannot be read: " + rootMessage(e));
    }
  }

  private Optional<Unit> translateTable(
      RuleFile file,
      Translation translation,
      List<RuleProblem> problems,
      Map<String, RuleLocation> locations) {
    if (translation.error() != null) {
      problems.add(new RuleProblem(file.name(), null, translation.error()));
      return Optional.empty();
    }
    String drl = translation.drl();
    String sheet = translation.sheet();
    Map<String, Integer> lineToRow = new HashMap<>();
    String[] lines = drl.split("\n", -1);
    String cell = null;
    int row = -1;
    for (int i = 0; i < lines.length; i++) {
      Matcher values = TABLE_ROW.matcher(lines[i]);
      if (values.find()) {
        cell = values.group(1);
        row = Integer.parseInt(values.group(2));
      }
      if (row > 0) {
        lineToRow.put(String.valueOf(i + 1), row);
      }
      Matcher rule = RULE_DECL.matcher(lines[i]);
      if (rule.find() && row > 0) {
        register(
            locations,
            rule.group(1),
            new RuleLocation(file.name(), tableLocation(sheet, row)),
            problems);
      }
    }
    return Optional.of(new Unit(file, drl, kiePath(file), lineToRow, sheet));
  }

  private static String tableLocation(String sheet, int row) {
    return (sheet == null ? "" : "sheet " + sheet + ", ") + "row " + row;
  }

  /**
   * The sheet that holds the tables; decision-table workbooks here keep their tables on one sheet.
   */
  private static String singleSheetName(RuleFile file) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
      for (Sheet sheet : wb) {
        for (Row r : sheet) {
          for (Cell c : r) {
            if (c.getCellType() == CellType.STRING
                && c.getStringCellValue().strip().startsWith("RuleTable")) {
              return sheet.getSheetName();
            }
          }
        }
      }
      return wb.getNumberOfSheets() > 0 ? wb.getSheetName(0) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void locateDrlRules(
      String file, String drl, List<RuleProblem> problems, Map<String, RuleLocation> locations) {
    String[] lines = drl.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher rule = RULE_DECL.matcher(lines[i]);
      if (rule.find()) {
        register(locations, rule.group(1), new RuleLocation(file, "line " + (i + 1)), problems);
      }
    }
  }

  private static void register(
      Map<String, RuleLocation> locations,
      String rule,
      RuleLocation where,
      List<RuleProblem> problems) {
    RuleLocation earlier = locations.putIfAbsent(rule, where);
    if (earlier != null) {
      problems.add(
          new RuleProblem(
              where.source(),
              where.location(),
              "rule id \""
                  + rule
                  + "\" is already used at "
                  + earlier.source()
                  + " ("
                  + earlier.location()
                  + "); rule ids must be unique across the ruleset"));
    }
  }

  private static RuleProblem locate(Message m, List<Unit> units) {
    String path = m.getPath();
    for (Unit unit : units) {
      if (path != null && unit.kiePath().endsWith(path.replace('\\', '/'))) {
        if (unit.file().isTable()) {
          Integer row = unit.lineToRow().get(String.valueOf(m.getLine()));
          return new RuleProblem(
              unit.file().name(),
              row == null ? null : tableLocation(unit.sheetName(), row),
              firstLine(m.getText()));
        }
        return new RuleProblem(
            unit.file().name(),
            m.getLine() > 0 ? "line " + m.getLine() + ", column " + m.getColumn() : null,
            firstLine(m.getText()));
      }
    }
    return new RuleProblem(
        path == null ? "(ruleset)" : path,
        m.getLine() > 0 ? "line " + m.getLine() : null,
        firstLine(m.getText()));
  }

  private static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /**
   * Only table rows may sit in the catalog group, and only there: they never fire while a case is
   * evaluated. A DRL file in the tables' package would share their package-level settings, so it is
   * refused.
   */
  private static void checkCatalogGroup(
      Bases bases,
      List<Unit> units,
      Map<String, RuleLocation> locations,
      List<RuleProblem> problems) {
    java.util.Set<String> tableFiles = new java.util.HashSet<>();
    units.stream().filter(u -> u.file().isTable()).forEach(u -> tableFiles.add(u.file().name()));
    java.util.Set<String> tablePackages = new java.util.HashSet<>();
    bases
        .catalog()
        .getKiePackages()
        .forEach(
            p -> {
              if (!p.getRules().isEmpty()) {
                tablePackages.add(p.getName());
              }
            });
    for (KieBase base : List.of(bases.logic(), bases.catalog())) {
      boolean logic = base == bases.logic();
      for (org.kie.api.definition.KiePackage pkg : base.getKiePackages()) {
        for (org.kie.api.definition.rule.Rule rule : pkg.getRules()) {
          String group = ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getAgendaGroup();
          RuleLocation where = locations.get(rule.getName());
          boolean fromTable = where != null && tableFiles.contains(where.source());
          Object article = rule.getMetaData().get("article");
          if (!fromTable && where != null) {
            if (article == null || article.toString().isBlank()) {
              problems.add(
                  new RuleProblem(
                      where.source(),
                      where.location(),
                      "rule \""
                          + rule.getName()
                          + "\" does not cite its article: add @article(\"二（二）6\") after the rule's name"));
            } else {
              locations.put(rule.getName(), where.citing(article.toString()));
            }
          }
          boolean misplaced =
              logic
                  ? CATALOG_GROUP.equals(group) || tablePackages.contains(pkg.getName())
                  : !CATALOG_GROUP.equals(group);
          if (misplaced) {
            problems.add(
                new RuleProblem(
                    where == null ? pkg.getName() : where.source(),
                    where == null ? null : where.location(),
                    "rule \""
                        + rule.getName()
                        + "\" is in package "
                        + pkg.getName()
                        + (logic
                            ? ", the tables' package or agenda group "
                            : " but not in the agenda group ")
                        + CATALOG_GROUP
                        + ": decision tables declare RuleSet rules.tables and RULEFLOW-GROUP catalog; "
                        + "DRL files use another package"));
          }
        }
      }
    }
  }

  /** Milliseconds spent in each phase of a build, for the log and the benchmarks. */
  private static final class Phases {
    private final StringBuilder text = new StringBuilder();
    private long last;

    Phases(long started) {
      this.last = started;
    }

    void mark(String phase) {
      long now = System.nanoTime();
      text.append(text.length() == 0 ? "" : ", ")
          .append(phase)
          .append(' ')
          .append((now - last) / 1_000_000)
          .append(" ms");
      last = now;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  record Catalog(List<MeasureInfo> measures, Map<String, List<Parameter>> parameters) {}

  /** Fires the tables' catalog rows once and checks every measure and parameter they declare. */
  private Catalog readCatalog(
      KieBase catalogBase, Map<String, RuleLocation> locations, List<RuleProblem> problems) {
    KieSession session = catalogBase.newKieSession();
    List<MeasureInfo> measures = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    try {
      session.getAgenda().getAgendaGroup(CATALOG_GROUP).setFocus();
      session.fireAllRules();
      for (Object o : session.getObjects()) {
        if (o instanceof MeasureInfo m) {
          measures.add(m);
        } else if (o instanceof Parameter p) {
          parameters.add(p);
        }
      }
    } catch (RuntimeException e) {
      problems.add(new RuleProblem("(catalog)", null, "a table row failed: " + rootMessage(e)));
      return new Catalog(List.of(), Map.of());
    } finally {
      session.dispose();
    }
    measures.sort((a, b) -> a.getId().compareTo(b.getId()));
    Map<String, MeasureInfo> byId = new LinkedHashMap<>();
    for (MeasureInfo m : measures) {
      RuleLocation where = locations.getOrDefault(m.getId(), new RuleLocation("(unknown)", null));
      m.locate(where.source(), where.location());
      locations.put(m.getId(), where.citing(m.getArticle()));
      if (byId.putIfAbsent(m.getId(), m) != null) {
        problems.add(
            new RuleProblem(
                where.source(), where.location(), "measure " + m.getId() + " is declared twice"));
      }
      if (m.getName() == null
          || m.getArticle() == null
          || m.getText() == null
          || m.getDocument() == null) {
        problems.add(
            new RuleProblem(
                where.source(), where.location(), "措施 " + m.getId() + " 须填写措施名称、文件、条款和条文"));
      }
    }
    parameters.sort((a, b) -> a.getId().compareTo(b.getId()));
    Map<String, List<Parameter>> byKey = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      RuleLocation where = locations.getOrDefault(p.getId(), new RuleLocation("(unknown)", null));
      p.locate(where.source(), where.location());
      locations.put(p.getId(), where.citing(p.getArticle()));
      for (String problem : p.problems()) {
        problems.add(new RuleProblem(where.source(), where.location(), problem));
      }
      if (!byId.containsKey(p.getMeasure()) && !"POLICY".equals(p.getMeasure())) {
        problems.add(
            new RuleProblem(
                where.source(),
                where.location(),
                "参数 " + p.getKey() + " 不属于任何已声明的措施（参数名应以措施编号开头，如 M04.）"));
      }
    }
    if (!problems.isEmpty()) {
      return new Catalog(measures, Map.of());
    }
    for (Parameter p : parameters) {
      List<Parameter> versions =
          byKey.computeIfAbsent(ParameterView.lookupKey(p), k -> new ArrayList<>());
      for (Parameter other : versions) {
        if (overlap(p, other)) {
          problems.add(
              new RuleProblem(
                  p.getSource(),
                  p.getLocation(),
                  "参数 "
                      + p
                      + " 的有效期与 "
                      + other.getSource()
                      + " ("
                      + other.getLocation()
                      + ") 重叠：同一参数同一天只能有一个取值"));
        }
      }
      versions.add(p);
    }
    return new Catalog(List.copyOf(byId.values()), byKey);
  }

  private static boolean overlap(Parameter a, Parameter b) {
    LocalDate aFrom = a.getValidFrom() == null ? LocalDate.MIN : a.getValidFrom();
    LocalDate aTo = a.getValidTo() == null ? LocalDate.MAX : a.getValidTo();
    LocalDate bFrom = b.getValidFrom() == null ? LocalDate.MIN : b.getValidFrom();
    LocalDate bTo = b.getValidTo() == null ? LocalDate.MAX : b.getValidTo();
    return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
  }

  /** A rule that reads a parameter no table declares would never fire: say so at build time. */
  private static void checkParameterReferences(
      List<Unit> units, Catalog catalog, List<RuleProblem> problems) {
    if (!problems.isEmpty()) {
      return;
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (List<Parameter> versions : catalog.parameters().values()) {
      versions.forEach(p -> keys.add(p.getKey()));
    }
    for (Unit unit : units) {
      if (unit.file().isTable()) {
        continue;
      }
      String[] lines = unit.drl().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher ref = PARAM_REF.matcher(lines[i]);
        while (ref.find()) {
          if (!keys.contains(ref.group(1))) {
            problems.add(
                new RuleProblem(
                    unit.file().name(), "line " + (i + 1), "参数 " + ref.group(1) + " 未在任何参数表中声明"));
          }
        }
      }
    }
  }
}
