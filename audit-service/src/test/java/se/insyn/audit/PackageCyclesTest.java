package se.insyn.audit;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature packages (event, log, report, config) depend on each other in one direction only, so each
 * can be read, changed and tested from its own folder.
 */
class PackageCyclesTest {

  @Test
  void featurePackagesAreFreeOfCycles() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.insyn.audit");
    slices().matching("se.insyn.audit.(*)..").should().beFreeOfCycles().check(production);
  }
}
