import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.File;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Bytes a JVM allocates while a command runs: reads the JVM's own count of every byte allocated
 * by every thread since it started, exited threads included ({@code
 * ThreadMXBean.getTotalThreadAllocatedBytes}, HotSpot's TLAB and outside-TLAB accounting), before
 * and after the command, over one JMX connection to the JVM's local management agent.
 *
 * <p>Usage: {@code java -cp DIR AllocationWindow PID OUTPUT -- COMMAND...}: runs COMMAND with its
 * output in OUTPUT and prints the bytes allocated meanwhile. Attaching starts the management agent
 * in the JVM (JMX and RMI classes, a few threads): overhead.sh measures allocation after everything
 * else, so nothing else it reads sees them.
 */
public final class AllocationWindow {
  public static void main(String[] args) throws Exception {
    if (args.length < 4 || !args[2].equals("--")) {
      System.err.println("usage: AllocationWindow PID OUTPUT -- COMMAND...");
      System.exit(2);
    }
    String[] command = java.util.Arrays.copyOfRange(args, 3, args.length);
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MBeanServerConnection connection = connector.getMBeanServerConnection();
      ThreadMXBean threads =
          ManagementFactory.newPlatformMXBeanProxy(
              connection, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
      if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
        System.err.println("AllocationWindow: the JVM does not count allocated bytes");
        System.exit(1);
      }
      // one read before, so that the connection's own first-use allocation is not in the window
      threads.getTotalThreadAllocatedBytes();
      long before = threads.getTotalThreadAllocatedBytes();
      int exit =
          new ProcessBuilder(command)
              .redirectOutput(new File(args[1]))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start()
              .waitFor();
      long after = threads.getTotalThreadAllocatedBytes();
      if (exit != 0) {
        System.err.println("AllocationWindow: the command exited with " + exit);
        System.exit(1);
      }
      System.out.println(after - before);
    }
  }
}
