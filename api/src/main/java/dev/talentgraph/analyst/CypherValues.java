package dev.talentgraph.analyst;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Turns driver values into JSON-friendly Java values and, while doing so, refuses any node with a
 * protected label or relationship of a protected type: the second line behind {@link CypherGuard},
 * for anything the plan check did not foresee. Nodes and relationships come back without their
 * personal properties.
 */
final class CypherValues {
  private final Set<String> protectedLabels;
  private final Set<String> protectedTypes;
  private final Set<String> personalProperties;

  CypherValues(AnalystSettings settings) {
    this.protectedLabels = Set.copyOf(settings.protectedLabels());
    this.protectedTypes = Set.copyOf(settings.protectedTypes());
    this.personalProperties = Set.copyOf(settings.personalProperties());
  }

  /**
   * The approximate size in bytes of a converted value as JSON (strings by their length, numbers
   * and punctuation by a small constant), for the result's byte budget.
   */
  static long size(Object v) {
    if (v == null) return 4;
    if (v instanceof String s) return s.length() + 2L;
    if (v instanceof List<?> l) {
      long n = 2;
      for (Object o : l) n += size(o) + 1;
      return n;
    }
    if (v instanceof Map<?, ?> m) {
      long n = 2;
      for (var e : m.entrySet()) n += String.valueOf(e.getKey()).length() + 4 + size(e.getValue());
      return n;
    }
    return 8;
  }

  /** Thrown when a result holds a protected node or relationship. */
  static final class ProtectedValue extends RuntimeException {
    final String name;

    ProtectedValue(String name) {
      super(name);
      this.name = name;
    }
  }

  Object convert(Value v) {
    TypeSystem ts = TypeSystem.getDefault();
    if (v == null || v.isNull()) return null;
    var type = v.type();
    if (type.equals(ts.BOOLEAN())) return v.asBoolean();
    if (type.equals(ts.INTEGER())) return v.asLong();
    if (type.equals(ts.FLOAT())) {
      double d = v.asDouble();
      return Double.isFinite(d) ? d : String.valueOf(d);
    }
    if (type.equals(ts.STRING())) return v.asString();
    if (type.equals(ts.BYTES())) return Base64.getEncoder().encodeToString(v.asByteArray());
    if (type.equals(ts.LIST())) {
      List<Object> out = new ArrayList<>();
      for (Value item : v.values()) out.add(convert(item));
      return out;
    }
    if (type.equals(ts.MAP())) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String k : v.keys()) out.put(k, convert(v.get(k)));
      return out;
    }
    if (type.equals(ts.NODE())) return node(v.asNode());
    if (type.equals(ts.RELATIONSHIP())) return relationship(v.asRelationship());
    if (type.equals(ts.PATH())) {
      Path p = v.asPath();
      List<Object> nodes = new ArrayList<>();
      List<Object> rels = new ArrayList<>();
      p.nodes().forEach(n -> nodes.add(node(n)));
      p.relationships().forEach(r -> rels.add(relationship(r)));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("nodes", nodes);
      out.put("relationships", rels);
      return out;
    }
    if (type.equals(ts.POINT())) {
      var pt = v.asPoint();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("srid", pt.srid());
      out.put("x", pt.x());
      out.put("y", pt.y());
      if (!Double.isNaN(pt.z())) out.put("z", pt.z());
      return out;
    }
    return v.asObject().toString(); // dates, times, durations: ISO-8601 text
  }

  private Map<String, Object> node(Node n) {
    for (String label : n.labels()) {
      if (protectedLabels.contains(label)) throw new ProtectedValue(label);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("elementId", n.elementId());
    List<String> labels = new ArrayList<>();
    n.labels().forEach(labels::add);
    out.put("labels", labels);
    out.put("properties", properties(n.asMap(x -> x)));
    return out;
  }

  private Map<String, Object> relationship(Relationship r) {
    if (protectedTypes.contains(r.type())) throw new ProtectedValue(r.type());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("elementId", r.elementId());
    out.put("type", r.type());
    out.put("startElementId", r.startNodeElementId());
    out.put("endElementId", r.endNodeElementId());
    out.put("properties", properties(r.asMap(x -> x)));
    return out;
  }

  private Map<String, Object> properties(Map<String, Value> props) {
    Map<String, Object> out = new LinkedHashMap<>();
    props.forEach(
        (k, val) -> {
          if (!personalProperties.contains(k)) out.put(k, convert(val));
        });
    return out;
  }
}
