package se.insyn.devstack.test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A service's feature packages (the first level below its base package, e.g. {@code
 * se.insyn.consent.choice}) depend on each other in one direction only, so that each can be read,
 * changed and tested from its own folder. Checked on the compiled production classes; a service
 * inherits the test. When it fails, move the class to the feature it belongs to, or let the lower
 * package own a small interface that the higher one implements.
 */
public abstract class FeatureCyclesContract {

  /** The service's base package, e.g. {@code se.insyn.consent}. */
  protected abstract String basePackage();

  @Test
  void featurePackagesAreFreeOfCycles() {
    slices()
        .matching(basePackage() + ".(*)..")
        .should()
        .beFreeOfCycles()
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage()));
  }
}
