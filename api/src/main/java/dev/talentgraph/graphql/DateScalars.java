package dev.talentgraph.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The {@code Date} (RFC 3339 full-date, {@code 2021-03-01}) and {@code DateTime} (RFC 3339
 * date-time, {@code 2021-03-01T09:30:00.000Z}) scalars of graphql-java-extended-scalars, fed with
 * what the graph holds.
 *
 * <p>The read models carry dates as the ISO text the driver gives ({@link Vals#str}): a Neo4j
 * {@code date}, {@code datetime} (with an offset or a zone id such as {@code [UTC]}) or a string
 * the importers stored. Output turns that text into a {@code LocalDate} / {@code OffsetDateTime}
 * for the library's serialisation (a date-time without a zone is UTC; a date read as a date-time is
 * its midnight UTC). Input is validated and normalised by the library and handed to the controllers
 * as canonical ISO text, which is what their statements store and compare.
 */
final class DateScalars {
  private DateScalars() {}

  static final GraphQLScalarType DATE =
      GraphQLScalarType.newScalar()
          .name("Date")
          .description("A calendar date, RFC 3339 full-date: 2021-03-01.")
          .coercing(new Adapted(ExtendedScalars.Date.getCoercing(), DateScalars::toDate))
          .build();

  static final GraphQLScalarType DATE_TIME =
      GraphQLScalarType.newScalar()
          .name("DateTime")
          .description("An instant with its offset, RFC 3339 date-time: 2021-03-01T09:30:00.000Z.")
          .coercing(new Adapted(ExtendedScalars.DateTime.getCoercing(), DateScalars::toDateTime))
          .build();

  static LocalDate toDate(Object v) {
    if (v instanceof LocalDate d) return d;
    if (v instanceof OffsetDateTime t) return t.toLocalDate();
    if (v instanceof ZonedDateTime t) return t.toLocalDate();
    if (v instanceof LocalDateTime t) return t.toLocalDate();
    if (v instanceof CharSequence c) {
      String s = c.toString();
      // a date-time stored where a date is meant (e.g. a hire made with datetime()): its date part
      return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
    }
    throw new CoercingSerializeException("not a date: " + v.getClass().getSimpleName());
  }

  static OffsetDateTime toDateTime(Object v) {
    if (v instanceof OffsetDateTime t) return t;
    if (v instanceof ZonedDateTime t) return t.toOffsetDateTime();
    if (v instanceof Instant i) return i.atOffset(ZoneOffset.UTC);
    if (v instanceof LocalDateTime t) return t.atOffset(ZoneOffset.UTC);
    if (v instanceof LocalDate d) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
    if (v instanceof CharSequence c) {
      String s = c.toString();
      if (s.length() <= 10) return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
      try {
        return ZonedDateTime.parse(s).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
      }
    }
    throw new CoercingSerializeException("not a date-time: " + v.getClass().getSimpleName());
  }

  /**
   * The library's coercing, with output values converted first and input given back as ISO text.
   */
  private record Adapted(
      Coercing<?, ?> library, java.util.function.Function<Object, TemporalAccessor> convert)
      implements Coercing<String, String> {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      TemporalAccessor t;
      try {
        t = convert.apply(value);
      } catch (DateTimeParseException e) {
        throw new CoercingSerializeException(
            "not an ISO-8601 date or date-time: '" + value + "'", e);
      }
      return (String) library.serialize(t, context, locale);
    }

    @Override
    public String parseValue(Object input, GraphQLContext context, Locale locale) {
      return library.parseValue(input, context, locale).toString();
    }

    @Override
    public String parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return library.parseLiteral(input, variables, context, locale).toString();
    }
  }
}
