package dev.talentgraph.recruiting;

import dev.talentgraph.recruiting.PlaceFit.OpeningPlace;
import dev.talentgraph.recruiting.PlaceFit.PersonPlace;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.places.Places;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Reads the places of openings and people for matching, one statement each way. A node's {@code
 * countryCode} wins over its {@code country} name (resolved to a code when it is an English name);
 * an opening without a time zone or city takes its team's (the overlap is with the team).
 */
final class PlaceReads {
  private PlaceReads() {}

  private static final String OPENINGS =
      "UNWIND $ids AS id MATCH (j:"
          + Labels.JOB_OPENING
          + " {"
          + Props.ID
          + ": id}) OPTIONAL MATCH (j)-[:"
          + RelTypes.HIRES_FOR
          + "]->(t:"
          + Labels.TEAM
          + ") WITH j, head(collect(t)) AS t RETURN j."
          + Props.ID
          + " AS id, coalesce(j."
          + Places.COUNTRY_CODE
          + ", j."
          + Props.COUNTRY
          + ", t."
          + Places.COUNTRY_CODE
          + ", t."
          + Props.COUNTRY
          + ") AS country, coalesce(j."
          + Props.CITY
          + ", t."
          + Props.CITY
          + ") AS city, coalesce(j."
          + Places.TIME_ZONE
          + ", t."
          + Places.TIME_ZONE
          + ") AS zone, j."
          + Props.REMOTE_POLICY
          + " AS policy, coalesce(j."
          + Places.REMOTE_COUNTRIES
          + ", []) AS remote, j."
          + Places.MIN_OVERLAP_HOURS
          + " AS minOverlap, coalesce(j."
          + Places.VISA_SPONSORSHIP
          + ", false) AS visa";

  private static final String PEOPLE =
      "UNWIND $ids AS id OPTIONAL MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id}) OPTIONAL MATCH (c:"
          + Labels.CANDIDATE
          + " {"
          + Props.ID
          + ": id}) WITH id, coalesce(e, c) AS p WHERE p IS NOT NULL RETURN id, coalesce(p."
          + Places.COUNTRY_CODE
          + ", p."
          + Props.COUNTRY
          + ") AS country, p."
          + Props.CITY
          + " AS city, p."
          + Places.TIME_ZONE
          + " AS zone, p."
          + Props.REMOTE_POLICY
          + " AS policy, coalesce(p."
          + Places.WORK_AUTHORIZATION
          + ", []) AS auth";

  static Map<String, OpeningPlace> openings(Session s, Collection<String> ids) {
    Map<String, OpeningPlace> out = new HashMap<>();
    for (Record r : s.executeRead(tx -> tx.run(OPENINGS, Map.of("ids", List.copyOf(ids))).list())) {
      out.put(
          r.get("id").asString(),
          new OpeningPlace(
              Places.countryCode(r.get("country").asString(null)),
              r.get("city").asString(null),
              r.get("zone").asString(null),
              r.get("policy").asString(null),
              codes(r.get("remote")),
              r.get("minOverlap").isNull() ? null : r.get("minOverlap").asInt(),
              r.get("visa").asBoolean(false)));
    }
    return out;
  }

  static Map<String, PersonPlace> people(Session s, Collection<String> ids) {
    Map<String, PersonPlace> out = new HashMap<>();
    for (Record r : s.executeRead(tx -> tx.run(PEOPLE, Map.of("ids", List.copyOf(ids))).list())) {
      out.put(
          r.get("id").asString(),
          new PersonPlace(
              Places.countryCode(r.get("country").asString(null)),
              r.get("city").asString(null),
              r.get("zone").asString(null),
              r.get("policy").asString(null),
              codes(r.get("auth"))));
    }
    return out;
  }

  private static List<String> codes(Value v) {
    return v.asList(x -> Places.countryCode(x.asString())).stream().filter(c -> c != null).toList();
  }
}
