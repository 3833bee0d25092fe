package se.insyn.bench;

import com.sun.tools.attach.VirtualMachine;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a running service process: the attach API starts the JVM's local management
 * agent in it, so nothing is configured in the service for it (same user, same JDK).
 */
final class Jmx {

  private Jmx() {}

  static JMXConnector connect(ProcessHandle process) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    return JMXConnectorFactory.connect(new JMXServiceURL(address));
  }
}
