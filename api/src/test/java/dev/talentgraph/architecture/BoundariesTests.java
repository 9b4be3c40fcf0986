package dev.talentgraph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of all four product modules, read from their compiled classes (api's test
 * class path holds them all): no two packages depend on each other in a cycle, and a type is public
 * only when code of another package uses it (product code or a test of that package). The feature
 * homes and the rules behind them are in docs/adr/0008-feature-homes.md.
 */
class BoundariesTests {
  /**
   * Public for the benchmarks alone: the {@code bench} module depends on api, so api's class path
   * cannot show that use.
   */
  private static final Set<String> USED_BY_BENCHMARKS =
      Set.of(
          "dev.talentgraph.cli.CliException",
          "dev.talentgraph.cli.EvalCollaboratorsCommand",
          "dev.talentgraph.cli.GraphConnection",
          "dev.talentgraph.cli.GraphOptions",
          "dev.talentgraph.ml.SyntheticWorkforce",
          "dev.talentgraph.profiles.ProfileQuery");

  private static JavaClasses product;
  private static JavaClasses withTests;

  @BeforeAll
  static void importClasses() {
    product = ImportedClasses.product();
    withTests = ImportedClasses.withTests();
  }

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    slices().matching("dev.talentgraph.(**)").should().beFreeOfCycles().check(product);
  }

  @Test
  void aTypeIsPublicOnlyWhenAnotherPackageUsesIt() {
    classes()
        .that()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .and(areProductCode())
        .should(beUsedOutsideTheirPackage())
        .check(withTests);
  }

  private static DescribedPredicate<JavaClass> areProductCode() {
    return DescribedPredicate.describe(
        "are product code",
        type -> product.contain(type.getName()) && !USED_BY_BENCHMARKS.contains(type.getName()));
  }

  /** A use of the type itself or of one of its member types, from a class of another package. */
  private static boolean usedFromAnotherPackage(JavaClass type) {
    String own = type.getPackageName();
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(type), allMembers(type))
        .flatMap(t -> t.getDirectDependenciesToSelf().stream())
        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(own));
  }

  private static java.util.stream.Stream<JavaClass> allMembers(JavaClass type) {
    return withTests.stream().filter(c -> c.getName().startsWith(type.getName() + "$"));
  }

  /**
   * A type that declares constants (static final strings or primitives) may be used only through
   * them, and javac copies a constant into the class that reads it, so no dependency is left in the
   * bytecode to see.
   */
  private static boolean declaresConstants(JavaClass type) {
    return type.getFields().stream()
        .anyMatch(
            f ->
                f.getModifiers()
                        .containsAll(
                            Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                    && (f.getRawType().isPrimitive()
                        || f.getRawType().isEquivalentTo(String.class)));
  }

  private static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
    return new ArchCondition<>("be used by code of another package") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean usedElsewhere = usedFromAnotherPackage(type) || declaresConstants(type);
        boolean entryPoint =
            type.getMethods().stream()
                .anyMatch(
                    m ->
                        m.getName().equals("main")
                            && m.getModifiers().contains(JavaModifier.STATIC));
        if (!usedElsewhere && !entryPoint) {
          events.add(
              SimpleConditionEvent.violated(
                  type,
                  type.getName()
                      + " is public but no other package uses it: make it package-private"));
        }
      }
    };
  }
}
