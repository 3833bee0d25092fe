package se.insyn.audit.log.service;

/** For tests elsewhere that count second writes: waits until groups are taken to be new again. */
public final class LookUpWindow {

  private LookUpWindow() {}

  /** Sleeps past {@link GroupCommit#LOOK_UP_AFTER_REWRITE}. */
  public static void awaitPassed() {
    try {
      Thread.sleep(GroupCommit.LOOK_UP_AFTER_REWRITE.toMillis() + 50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
