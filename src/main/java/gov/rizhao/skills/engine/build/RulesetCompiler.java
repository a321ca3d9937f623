package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.common.Digests;
import gov.rizhao.skills.engine.Catalog;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleLocation;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.engine.RulesetBuilder;
import gov.rizhao.skills.engine.SessionPool;
import gov.rizhao.skills.facts.FactDeclaration;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.PolicyDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Builds rulesets from rule files: reads the workbooks as data (side by side, each content once),
 * parses the DRL, checks the two against each other, compiles the DRL (only when it changed) and
 * assembles the ruleset. A build that passed every check is kept in the compiled-ruleset cache; the
 * same files later are read from there. One instance serves the application.
 */
public final class RulesetCompiler implements RulesetBuilder {
  private static final Logger LOG = Logger.getLogger(RulesetCompiler.class);

  /**
   * Sessions kept ready per ruleset version: enough for every request thread of a small machine.
   */
  private static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);

  /**
   * Workbooks remembered by content: an analyst who edits one of eleven waits for that one alone.
   */
  private static final int READS_KEPT = 64;

  private final Optional<RulesetCache> cache;
  private final LogicCompiler logic;
  private final ExecutorService tableReaders;
  private final Map<String, WorkbookReader.Read> reads =
      Collections.synchronizedMap(
          new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, WorkbookReader.Read> eldest) {
              return size() > READS_KEPT;
            }
          });

  /**
   * A compiler that keeps what it built in {@code cacheDir} and reuses it for the same files (when
   * given).
   */
  public RulesetCompiler(Optional<Path> cacheDir) {
    this.cache = cacheDir.flatMap(RulesetCache::in);
    ClassLoader loader = RulesetCompiler.class.getClassLoader();
    this.logic = new LogicCompiler(new ClassBytesCache(loader));
    this.tableReaders =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "rule-workbooks");
              t.setDaemon(true);
              // POI finds its schemas through the context class loader.
              t.setContextClassLoader(loader);
              return t;
            });
  }

  @Override
  public List<RuleFile> read(Path rulesDir) {
    return RuleDirectory.read(rulesDir);
  }

  @Override
  public Ruleset build(List<RuleFile> files) {
    BuildTimer timer = new BuildTimer();
    String version = RuleFile.versionOf(files);
    Optional<Ruleset> cached = cache.flatMap(c -> c.load(version)).flatMap(this::fromStored);
    if (cached.isPresent()) {
      return cached.get();
    }
    List<RuleProblem> problems = new ArrayList<>();
    files.forEach(f -> RuleDirectory.unread(f).ifPresent(problems::add));
    if (!problems.isEmpty()) {
      // A workbook saved under another name or format: what it holds is missing, so everything that
      // reads it
      // would fail too. The file is the one problem to fix.
      throw new RulesetBuildException(problems);
    }
    List<WorkbookReader.Read> workbooks = readWorkbooks(files);
    workbooks.forEach(w -> problems.addAll(w.problems()));
    timer.mark("workbooks");

    List<CatalogRows.Entry<MeasureInfo>> declared = new ArrayList<>();
    workbooks.forEach(w -> declared.addAll(CatalogRows.measures(w, problems)));
    Map<String, MeasureInfo> measures = CatalogChecks.measures(declared, problems);
    Optional<String> defaultDocument = soleDocument(measures);
    List<CatalogRows.Entry<PolicyDocument>> documentRows = new ArrayList<>();
    workbooks.forEach(w -> documentRows.addAll(DocumentRows.read(w, problems)));
    Map<String, PolicyDocument> documents = DocumentRows.byNumber(documentRows, problems);
    List<CatalogRows.Entry<FactDeclaration>> factRows = new ArrayList<>();
    workbooks.forEach(w -> factRows.addAll(FactRows.read(w, problems)));
    Map<String, FactDeclaration> facts = FactRows.byField(factRows, problems);
    List<CatalogRows.Entry<Parameter>> parameters = new ArrayList<>();
    workbooks.forEach(
        w -> parameters.addAll(CatalogRows.parameters(w, measures, defaultDocument, problems)));
    CatalogChecks.owners(declared, parameters, measures, problems);
    DocumentRows.named(declared, parameters, measures, documents, problems);
    Map<String, List<Parameter>> byLookup = CatalogChecks.validity(parameters, documents, problems);

    Map<String, RuleLocation> locations = new LinkedHashMap<>();
    RowLocations.parameters(parameters, locations, problems);
    RowLocations.documents(documentRows, locations, problems);
    RowLocations.facts(factRows, locations, problems);
    List<DrlFiles.Parsed> drl =
        files.stream().filter(RuleFile::isDrl).map(DrlFiles::parse).toList();
    List<RuleProblem> syntax = drl.stream().flatMap(d -> d.problems().stream()).toList();
    timer.mark("checks");
    if (!syntax.isEmpty()) {
      // A DRL file that does not parse is reported alone: compiling would only add follow-on errors
      // elsewhere.
      problems.addAll(syntax);
      throw new RulesetBuildException(problems);
    }
    Set<String> declaredKeys = new HashSet<>();
    workbooks.forEach(w -> declaredKeys.addAll(CatalogRows.keysWritten(w)));
    Set<String> readByRules = new HashSet<>();
    for (DrlFiles.Parsed d : drl) {
      LogicChecks.check(d, declaredKeys, measures, defaultDocument, locations, facts, problems);
      d.parameters().forEach(r -> readByRules.add(r.name()));
    }
    CatalogChecks.read(parameters, readByRules, declaredKeys, problems);

    List<RuleFile> drlFiles = files.stream().filter(RuleFile::isDrl).toList();
    LogicModule module = logic.module(RuleFile.versionOf(drlFiles), drlFiles, problems);
    timer.mark("compile");
    if (!problems.isEmpty()) {
      if (module != null) {
        module.release();
      }
      throw new RulesetBuildException(problems);
    }
    Catalog catalog =
        new Catalog(
            List.copyOf(measures.values()),
            byLookup,
            List.copyOf(documents.values()),
            List.copyOf(facts.values()));
    Ruleset ruleset = assemble(version, module, catalog, locations, files, timer);
    cache.ifPresent(
        c ->
            c.store(
                new StoredBuild(
                    version,
                    files,
                    catalog,
                    Map.copyOf(locations),
                    module.classes,
                    LogicCompiler.packages(module.base))));
    return ruleset;
  }

  @Override
  public Optional<Ruleset> lastActive() {
    return cache.flatMap(RulesetCache::active).flatMap(this::fromStored);
  }

  @Override
  public void markActive(Ruleset ruleset) {
    cache.ifPresent(c -> c.markActive(ruleset.version()));
  }

  /** Waits until the cache has written every build handed to it; for tests and benchmarks. */
  public void awaitCacheWrites() {
    cache.ifPresent(RulesetCache::awaitWrites);
  }

  private Optional<Ruleset> fromStored(StoredBuild stored) {
    BuildTimer timer = new BuildTimer();
    try {
      List<RuleFile> drlFiles = stored.files().stream().filter(RuleFile::isDrl).toList();
      LogicModule module =
          logic.fromStored(RuleFile.versionOf(drlFiles), stored.classes(), stored.logic());
      timer.mark("from cache");
      return Optional.of(
          assemble(
              stored.version(),
              module,
              stored.catalog(),
              stored.locations(),
              stored.files(),
              timer));
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      LOG.warnf("A cached build could not be loaded (%s); compiling the rules instead", e);
      return Optional.empty();
    }
  }

  private static Ruleset assemble(
      String version,
      LogicModule module,
      Catalog catalog,
      Map<String, RuleLocation> locations,
      List<RuleFile> files,
      BuildTimer timer) {
    SessionPool sessions = new SessionPool(module.base, POOL_SIZE);
    return new Ruleset(
        version,
        module.base,
        sessions,
        () -> {
          sessions.close();
          module.release();
        },
        catalog,
        locations,
        files,
        timer.millis(),
        timer.toString());
  }

  /** The workbooks read, side by side; one whose content was read before is not read again. */
  private List<WorkbookReader.Read> readWorkbooks(List<RuleFile> files) {
    List<CompletableFuture<WorkbookReader.Read>> pending = new ArrayList<>();
    for (RuleFile file : files) {
      if (file.isTable()) {
        String key = Digests.sha256Hex(file.content()) + "|" + file.name();
        WorkbookReader.Read known = reads.get(key);
        pending.add(
            known != null
                ? CompletableFuture.completedFuture(known)
                : CompletableFuture.supplyAsync(() -> WorkbookReader.read(file), tableReaders)
                    .thenApply(
                        read -> {
                          reads.put(key, read);
                          return read;
                        }));
      }
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  /** The document every measure rests on, when they all rest on one. */
  private static Optional<String> soleDocument(Map<String, MeasureInfo> measures) {
    Set<String> documents = new HashSet<>();
    measures.values().forEach(m -> documents.add(m.getDocument()));
    return documents.size() == 1 ? Optional.of(documents.iterator().next()) : Optional.empty();
  }
}
