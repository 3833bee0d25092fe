package se.insyn.audit;

import se.insyn.devstack.test.FeatureCyclesContract;

/** Event, log, report and config are free of cycles (see {@link FeatureCyclesContract}). */
class PackageCyclesTest extends FeatureCyclesContract {

  @Override
  protected String basePackage() {
    return "se.insyn.audit";
  }
}
