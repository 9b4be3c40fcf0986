package dev.talentgraph.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The classes the architecture rules check, imported once per test JVM: importing every class of
 * the modules takes seconds, and each rule class would otherwise pay it again.
 */
final class ImportedClasses {
  private ImportedClasses() {}

  private static JavaClasses product;
  private static JavaClasses withTests;

  /** The product modules' classes, tests left out. */
  static synchronized JavaClasses product() {
    if (product == null) {
      product =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("dev.talentgraph");
    }
    return product;
  }

  /** The product modules' classes and the tests'. */
  static synchronized JavaClasses withTests() {
    if (withTests == null) withTests = new ClassFileImporter().importPackages("dev.talentgraph");
    return withTests;
  }
}
