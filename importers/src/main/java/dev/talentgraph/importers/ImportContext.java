package dev.talentgraph.importers;

import dev.talentgraph.importers.skills.SkillDictionary;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * What an importer may use besides its input: read-only queries against the target graph (to
 * resolve references and load the skill taxonomy), the options, and the {@link FieldCipher} through
 * which every personal value is sealed before it is written.
 */
public final class ImportContext {
  private final Driver driver;
  private final String database;
  private final ImportOptions options;
  private final FieldCipher cipher;
  private SkillExtractor extractor;

  public ImportContext(Driver driver, String database, ImportOptions options, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.options = options;
    this.cipher = cipher;
  }

  public Driver driver() {
    return driver;
  }

  public String database() {
    return database;
  }

  public ImportOptions options() {
    return options;
  }

  /** A copy with other options and the same connection, cipher and cached dictionary. */
  public ImportContext withOptions(ImportOptions other) {
    ImportContext c = new ImportContext(driver, database, other, cipher);
    c.extractor = extractor;
    return c;
  }

  /**
   * The cipher, or a problem naming the field when none was configured: personal values are never
   * written in clear.
   */
  public FieldCipher cipher(Location at) {
    if (cipher == null) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.BAD_MAPPING,
              at,
              "personal field but no field cipher is configured; refusing to write personal data unencrypted"));
    }
    return cipher;
  }

  public boolean hasCipher() {
    return cipher != null;
  }

  /** A read-only query against the target database; values only as parameters. */
  public List<Record> query(String cypher, Map<String, Object> params) {
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      return session.executeRead(tx -> tx.run(cypher, params).list());
    }
  }

  /**
   * The skill extractor over the taxonomy currently in the graph, loaded on first use. The runner
   * drops it after every import, so the next source sees the skills the previous one added.
   */
  public SkillExtractor skillExtractor() {
    if (extractor == null) extractor = new SkillExtractor(SkillDictionary.load(this::query));
    return extractor;
  }

  /**
   * Replaces the extractor, e.g. with one extended by skills learned from the corpus being read.
   */
  public void skillExtractor(SkillExtractor e) {
    this.extractor = e;
  }

  void invalidateSkills() {
    extractor = null;
  }
}
