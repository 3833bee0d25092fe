package se.insyn.consent;

import se.insyn.devstack.test.FeatureCyclesContract;

/**
 * Purpose, notice, choice, decision, change, portal, subject and config are free of cycles (see
 * {@link FeatureCyclesContract}).
 */
class PackageCyclesTest extends FeatureCyclesContract {

  @Override
  protected String basePackage() {
    return "se.insyn.consent";
  }
}
