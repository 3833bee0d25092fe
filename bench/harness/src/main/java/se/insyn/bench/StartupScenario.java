package se.insyn.bench;

import java.util.List;
import java.util.function.Consumer;
import se.insyn.devstack.ServiceProcess;
import se.insyn.devstack.SuiteService;

/**
 * Each service restarted from its packaged jar (JVM mode, production profile, database already
 * migrated): seconds until {@code /q/health/ready} answers, and its resident memory right then.
 * Reference: the reference app restarted the same way.
 */
final class StartupScenario implements Scenario {

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public String describe() {
    return "each service's time to ready and RSS after a restart (JVM); reference: the reference app";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes)
      throws Exception {
    ReferenceApp reference = stack.reference();
    reference.close();
    Thread.sleep(1000);
    long t0 = System.nanoTime();
    reference.start();
    double refSeconds = (System.nanoTime() - t0) / 1e9;
    double refRss = Machine.rssMiB(reference.handle().orElseThrow());
    for (SuiteService s :
        List.of(SuiteService.CONSENT, SuiteService.RECORDING, SuiteService.AUDIT)) {
      ServiceProcess p = stack.suite().service(s);
      p.close();
      Thread.sleep(1000);
      long t = System.nanoTime();
      p.start();
      double seconds = (System.nanoTime() - t) / 1e9;
      double rss = Machine.rssMiB(p.handle().orElseThrow());
      out.accept(Figure.of("startup." + s.module() + ".ready", seconds, "s").against(refSeconds));
      out.accept(Figure.of("startup." + s.module() + ".rss", rss, "MiB").against(refRss));
    }
    notes.add(
        "startup: time from launching the JVM to /q/health/ready answering 200, polled every 250"
            + " ms; RSS read from /proc right then; heap limit -Xmx512m for all");
  }
}
