package dev.talentgraph.graphql.nodes;

import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.graphql.NodeQuery;
import dev.talentgraph.schema.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code input SkillRequirement}: a skill named by id or by name (case-insensitive, aliases count)
 * and a minimum level. Shared by the filters of experts, courses and projects.
 */
public record SkillRequirement(String id, String name, Integer minLevel) {

  /**
   * Adds to {@code query} the condition that {@code n} reaches such a skill through {@code pattern}
   * (e.g. {@code (n)-[r:HAS_SKILL]->(s:Skill)}; it must bind {@code r} and {@code s}).
   *
   * @param param a parameter name chosen by the caller (never client text)
   * @param argument the argument path for error messages, e.g. {@code where.hasSkill[0]}
   */
  /**
   * Adds to {@code query} one condition for all the requirements: {@code n} reaches each of them
   * through {@code pattern}. The requirements travel as one list parameter, so the statement (and
   * its plan) is the same whatever their number.
   */
  public static void addAllTo(
      NodeQuery query,
      List<SkillRequirement> requirements,
      String pattern,
      String param,
      String argument) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < requirements.size(); i++) {
      SkillRequirement r = requirements.get(i);
      String arg = argument + "[" + i + "]";
      boolean byId = r.id() != null && !r.id().isBlank();
      boolean byName = r.name() != null && !r.name().isBlank();
      if (!byId && !byName) throw new InvalidArgumentException(arg, arg + " needs an id or a name");
      int level = r.level(arg);
      Map<String, Object> row = new HashMap<>();
      row.put("id", byId ? r.id() : null);
      row.put("name", byName ? r.name().strip().toLowerCase(Locale.ROOT) : null);
      row.put("level", level);
      rows.add(row);
    }
    if (rows.isEmpty()) return;
    query.param(param, rows);
    query.where(
        "all(req IN $"
            + param
            + " WHERE EXISTS { MATCH "
            + pattern
            + " WHERE (req.id IS NULL OR s.id = req.id) AND (req.name IS NULL OR toLower(s.name) ="
            + " req.name OR any(a IN coalesce(s.aliases, []) WHERE toLower(a) = req.name)) AND"
            + " coalesce(r.level, 0) >= req.level })");
  }

  private int level(String argument) {
    int level = minLevel == null ? Props.MIN_LEVEL : minLevel;
    if (level < Props.MIN_LEVEL || level > Props.MAX_LEVEL) {
      throw new InvalidArgumentException(
          argument + ".minLevel",
          argument
              + ".minLevel must be between "
              + Props.MIN_LEVEL
              + " and "
              + Props.MAX_LEVEL
              + " (was "
              + level
              + ")");
    }
    return level;
  }

  public void addTo(NodeQuery query, String pattern, String param, String argument) {
    boolean byId = id != null && !id.isBlank();
    boolean byName = name != null && !name.isBlank();
    if (!byId && !byName)
      throw new InvalidArgumentException(argument, argument + " needs an id or a name");
    int level = level(argument);
    StringBuilder c = new StringBuilder("EXISTS { MATCH ").append(pattern).append(" WHERE ");
    if (byId) {
      c.append("s.id = $").append(param).append("_id");
      query.param(param + "_id", id);
    }
    if (byName) {
      if (byId) c.append(" AND ");
      c.append("(toLower(s.name) = $")
          .append(param)
          .append("_name OR any(a IN coalesce(s.aliases, []) WHERE toLower(a) = $")
          .append(param)
          .append("_name))");
      query.param(param + "_name", name.strip().toLowerCase(Locale.ROOT));
    }
    if (level > Props.MIN_LEVEL) {
      c.append(" AND coalesce(r.level, 0) >= $").append(param).append("_level");
      query.param(param + "_level", level);
    }
    query.where(c.append(" }").toString());
  }
}
