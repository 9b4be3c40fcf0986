package dev.talentgraph.db;

import java.util.List;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Embedded Neo4j loads procedures only from a plugins folder, not from the classpath, so the APOC
 * and GDS classes on the classpath are registered one by one with {@link GlobalProcedures}.
 * Scanning reads class files with ASM (Spring's scanner, used here as a library); only matching
 * classes are loaded.
 */
final class ProcedureRegistrar {
  private static final Logger log = LoggerFactory.getLogger(ProcedureRegistrar.class);
  private static final String PROC = "org.neo4j.procedure.Procedure";
  private static final String FUNC = "org.neo4j.procedure.UserFunction";
  private static final String AGG = "org.neo4j.procedure.UserAggregationFunction";

  private ProcedureRegistrar() {}

  static int registerAll(GraphDatabaseAPI db, List<String> basePackages) {
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
    int count = 0;
    for (String pkg : basePackages) {
      for (var bd : scanner.findCandidateComponents(pkg)) {
        AnnotationMetadata m = ((AnnotatedBeanDefinition) bd).getMetadata();
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
    return count;
  }
}
