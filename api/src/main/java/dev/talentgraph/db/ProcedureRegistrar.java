package dev.talentgraph.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Embedded Neo4j loads procedures only from a plugins folder, not from the classpath, so the APOC
 * and GDS classes on the classpath are registered one by one with {@link GlobalProcedures}.
 * Scanning reads class files with ASM (Spring's scanner, used here as a library) and the names of
 * their routines from the annotations; only the classes declaring a routine that some {@link
 * RoutineDemand} wants are loaded and registered (loading and registering a class costs far more
 * than reading it).
 */
final class ProcedureRegistrar {
  private static final Logger log = LoggerFactory.getLogger(ProcedureRegistrar.class);
  private static final String PROC = "org.neo4j.procedure.Procedure";
  private static final String FUNC = "org.neo4j.procedure.UserFunction";
  private static final String AGG = "org.neo4j.procedure.UserAggregationFunction";

  private ProcedureRegistrar() {}

  /** What one registration did: classes registered, and classes skipped as no demand wants them. */
  record Registered(int classes, int skipped) {}

  static Registered registerAll(
      GraphDatabaseAPI db, List<String> basePackages, List<RoutineDemand> demands) {
    GlobalProcedures procs = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition bd) {
            AnnotationMetadata m = bd.getMetadata();
            return m.isIndependent() && m.isConcrete();
          }
        };
    scanner.addIncludeFilter(
        (reader, factory) -> {
          AnnotationMetadata m = reader.getAnnotationMetadata();
          return m.hasAnnotatedMethods(PROC)
              || m.hasAnnotatedMethods(FUNC)
              || m.hasAnnotatedMethods(AGG);
        });
    int count = 0, skipped = 0;
    for (String pkg : basePackages) {
      for (var bd : scanner.findCandidateComponents(pkg)) {
        AnnotationMetadata m = ((AnnotatedBeanDefinition) bd).getMetadata();
        if (!wanted(m, demands)) {
          skipped++;
          continue;
        }
        try {
          Class<?> c =
              ClassUtils.forName(m.getClassName(), ProcedureRegistrar.class.getClassLoader());
          if (m.hasAnnotatedMethods(PROC)) procs.registerProcedure(c);
          if (m.hasAnnotatedMethods(FUNC)) procs.registerFunction(c);
          if (m.hasAnnotatedMethods(AGG)) procs.registerAggregationFunction(c);
          count++;
        } catch (Throwable e) {
          log.debug("Could not register procedures of {}: {}", m.getClassName(), e.toString());
        }
      }
    }
    return new Registered(count, skipped);
  }

  /** True when a demand wants one of the routines the class declares. */
  static boolean wanted(AnnotationMetadata m, List<RoutineDemand> demands) {
    for (String name : routineNames(m)) {
      for (RoutineDemand d : demands) if (d.wants(name)) return true;
    }
    return false;
  }

  /**
   * The names of the procedures and functions a class declares: the annotation's {@code name} or
   * {@code value}, else Neo4j's default, the class's package and the method's name.
   */
  static List<String> routineNames(AnnotationMetadata m) {
    List<String> names = new ArrayList<>();
    for (String annotation : List.of(PROC, FUNC, AGG)) {
      for (MethodMetadata method : m.getAnnotatedMethods(annotation)) {
        Map<String, Object> a = method.getAnnotationAttributes(annotation);
        String name = a == null ? "" : String.valueOf(a.getOrDefault("name", ""));
        if (name.isEmpty() && a != null) name = String.valueOf(a.getOrDefault("value", ""));
        if (name.isEmpty()) {
          name = ClassUtils.getPackageName(m.getClassName()) + "." + method.getMethodName();
        }
        names.add(name);
      }
    }
    return names;
  }
}
