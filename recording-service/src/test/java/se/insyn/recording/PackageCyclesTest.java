package se.insyn.recording;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.FeatureCyclesContract;

/**
 * The rooms of the recording-service stay apart (issue 28). The contract keeps its top-level
 * packages (the rooms) free of cycles; here, so are the features inside the gate and the vault, and
 * the recording lifecycle and the platform depend on no room. New features land in a room without
 * making the house one knot again.
 */
class PackageCyclesTest extends FeatureCyclesContract {

  private static final String ROOT = "se.insyn.recording";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Override
  protected String basePackage() {
    return ROOT;
  }

  /** A feature is {@code gate.X} or {@code vault.X}; every other top-level package is one. */
  @Test
  void featuresAreFreeOfCycles() {
    slices().assignedFrom(new Features()).should().beFreeOfCycles().check(classes);
  }

  @Test
  void theLifecycleDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".recording..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".gate..", ROOT + ".vault..", ROOT + ".cases..")
        .because("features depend on the recording lifecycle, never the other way (issue 28)")
        .check(classes);
  }

  @Test
  void thePlatformDependsOnNoRoom() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".recording..", ROOT + ".gate..", ROOT + ".vault..", ROOT + ".cases..")
        .because("the platform is plumbing every room may use (issue 28)")
        .check(classes);
  }

  private static final class Features implements SliceAssignment {

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      if (!pkg.startsWith(ROOT + ".")) {
        return SliceIdentifier.ignore();
      }
      String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
      boolean grouped = parts[0].equals("gate") || parts[0].equals("vault");
      return grouped && parts.length > 1
          ? SliceIdentifier.of(parts[0] + "." + parts[1])
          : SliceIdentifier.of(parts[0]);
    }

    @Override
    public String getDescription() {
      return "features of the recording-service";
    }
  }
}
