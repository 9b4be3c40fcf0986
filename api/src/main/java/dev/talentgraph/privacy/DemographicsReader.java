package dev.talentgraph.privacy;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.fairness.VoluntaryDemographics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The one reader of voluntary demographics for aggregate fairness figures: the group of each person
 * who gave the attribute, decrypted here and never returned one by one to a client. People who gave
 * nothing (or withdrew) are absent from the answer: the callers count them as unknown.
 */
@Component
public class DemographicsReader {
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;

  public DemographicsReader(Driver driver, SchemaMigrations schema, FieldCipher cipher) {
    this.driver = driver;
    this.database = schema.database();
    this.cipher = cipher;
  }

  /**
   * @param attribute GENDER, ETHNICITY or AGE_BAND
   * @return person id → group, for those who gave it
   */
  public Map<String, String> groups(Collection<String> personIds, String attribute) {
    String field = VoluntaryDemographics.field(attribute);
    Map<String, String> out = new HashMap<>();
    if (personIds.isEmpty()) return out;
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows =
          s.executeRead(
              tx ->
                  tx.run(
                          "UNWIND $ids AS id OPTIONAL MATCH (c:"
                              + Labels.CANDIDATE
                              + " {id: id}) OPTIONAL MATCH (e:"
                              + Labels.EXPERT
                              + " {id: id}) WITH id, coalesce(c, e) AS p MATCH (p)-[:"
                              + RelTypes.HAS_PERSONAL_DATA
                              + "]->(d:"
                              + Labels.PERSONAL_DATA
                              + ") WHERE d[$field] IS NOT NULL RETURN id, d[$field] AS v",
                          Map.of("ids", List.copyOf(personIds), "field", field))
                      .list());
      for (var r : rows) {
        String id = r.get("id").asString();
        Value v = r.get("v");
        String s0 = v.asString();
        String clear =
            s0.startsWith(FieldCipher.PREFIX) ? cipher.decrypt(s0, FieldCipher.aad(id, field)) : s0;
        if (clear != null && !clear.isBlank()) out.put(id, clear);
      }
    }
    return out;
  }
}
