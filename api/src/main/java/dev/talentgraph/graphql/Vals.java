package dev.talentgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * Reading driver values into the read models without reflection: the hot path of every page.
 * Missing keys and nulls read as null; temporal values (dates, date-times) read as their ISO-8601
 * text.
 */
public final class Vals {
  private static final TypeSystem TYPES = TypeSystem.getDefault();

  private Vals() {}

  public static String str(Value v) {
    if (v == null || v.isNull()) return null;
    if (v.hasType(TYPES.STRING())) return v.asString();
    return String.valueOf(v.asObject());
  }

  public static Integer integer(Value v) {
    if (v == null || v.isNull()) return null;
    if (v.hasType(TYPES.INTEGER())) return v.asInt();
    if (v.hasType(TYPES.FLOAT())) return (int) Math.round(v.asDouble());
    if (v.hasType(TYPES.STRING())) {
      try {
        return Integer.valueOf(v.asString().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static Double dbl(Value v) {
    if (v == null || v.isNull()) return null;
    if (v.hasType(TYPES.INTEGER()) || v.hasType(TYPES.FLOAT())) return v.asNumber().doubleValue();
    return null;
  }

  public static Boolean bool(Value v) {
    if (v == null || v.isNull()) return null;
    return v.hasType(TYPES.BOOLEAN()) ? v.asBoolean() : null;
  }

  public static List<String> strings(Value v) {
    if (v == null || v.isNull()) return List.of();
    if (v.hasType(TYPES.STRING())) return List.of(v.asString());
    return list(v, Vals::str);
  }

  /**
   * The list in {@code v}, each item mapped; null when {@code v} is null or absent (not fetched).
   */
  public static <T> List<T> list(Value v, Function<Value, T> item) {
    if (v == null || v.isNull()) return null;
    int n = v.size();
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(item.apply(v.get(i)));
    return out;
  }
}
