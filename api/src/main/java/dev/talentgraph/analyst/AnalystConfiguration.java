package dev.talentgraph.analyst;

import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.db.RoutineDemand;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The analyst endpoint's beans and the {@code CypherValue} scalar (any JSON value) of {@code
 * analyst.graphqls}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalystSettings.class)
class AnalystConfiguration {

  @Bean
  AnalystCypher analystCypher(
      Driver driver, SchemaMigrations schema, AnalystSettings settings, AuditLog audit) {
    return new AnalystCypher(driver, schema.database(), settings, audit);
  }

  /**
   * The APOC/GDS routines an analyst may call, for the embedded DBMS to register (static: the DBMS
   * starts before this configuration's other beans can exist).
   */
  @Bean
  static RoutineDemand analystRoutines(AnalystSettings settings) {
    List<String> allowed = new ArrayList<>(settings.allowedProcedures());
    allowed.addAll(settings.allowedFunctions());
    return new RoutineDemand("analyst allow-list", allowed, settings.deniedRoutines());
  }

  @Bean
  RuntimeWiringConfigurer cypherValueScalar() {
    return wiring -> wiring.scalar(CYPHER_VALUE);
  }

  static final GraphQLScalarType CYPHER_VALUE =
      GraphQLScalarType.newScalar()
          .name("CypherValue")
          .description("Any JSON value: Cypher parameters and result cells")
          .coercing(
              new Coercing<Object, Object>() {
                @Override
                public Object serialize(
                    Object dataFetcherResult, GraphQLContext context, Locale locale) {
                  return dataFetcherResult;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                  return input;
                }

                @Override
                public Object parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  return literal(input, variables);
                }
              })
          .build();

  static Object literal(Value<?> v, CoercedVariables variables) {
    if (v == null || v instanceof NullValue) return null;
    if (v instanceof StringValue s) return s.getValue();
    if (v instanceof BooleanValue b) return b.isValue();
    if (v instanceof IntValue i) return i.getValue().longValueExact();
    if (v instanceof FloatValue f) return f.getValue().doubleValue();
    if (v instanceof VariableReference r) return variables.get(r.getName());
    if (v instanceof ArrayValue a) {
      List<Object> out = new ArrayList<>();
      a.getValues().forEach(x -> out.add(literal(x, variables)));
      return out;
    }
    if (v instanceof ObjectValue o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.getObjectFields().forEach(f -> out.put(f.getName(), literal(f.getValue(), variables)));
      return out;
    }
    throw new CoercingParseLiteralException("not a JSON value: " + v);
  }
}
