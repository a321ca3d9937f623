package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.Catalog;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleLocation;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a build that passed every check keeps on disk: its files (so the version can be served and
 * archived again), the catalog read from its workbooks, where each rule and row is written, the
 * classes its DRL declares and the compiled packages of its logic.
 */
record StoredBuild(
    String version,
    List<RuleFile> files,
    Catalog catalog,
    Map<String, RuleLocation> locations,
    Map<String, byte[]> classes,
    byte[] logic)
    implements Serializable {}
