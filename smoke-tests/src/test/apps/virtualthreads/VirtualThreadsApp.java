import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts work on virtual threads, each way the JDK offers, from inside a span "submit API" made with
 * the application's own OpenTelemetry API; each task makes a span "task API". Under the agent, each
 * task span is a child of its submit span.
 */
public class VirtualThreadsApp {
  private static final Tracer TRACER = GlobalOpenTelemetry.getTracer("virtual-threads-app");

  interface Launch {
    void run(Runnable task) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    inSpan(
        "newVirtualThreadPerTaskExecutor",
        task -> {
          try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.submit(task).get();
          }
        });
    inSpan(
        "newVirtualThreadPerTaskExecutor.execute",
        task -> {
          try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.execute(task);
          }
        });
    inSpan("Thread.ofVirtual().start", task -> Thread.ofVirtual().name("vt-", 0).start(task).join());
    inSpan("Thread.startVirtualThread", task -> Thread.startVirtualThread(task).join());
    inSpan(
        "Thread.ofVirtual().factory()",
        task -> {
          Thread thread = Thread.ofVirtual().factory().newThread(task);
          thread.start();
          thread.join();
        });
    inSpan(
        "newThreadPerTaskExecutor(virtual factory)",
        task -> {
          try (ExecutorService executor =
              Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            executor.submit(task).get();
          }
        });

    // A pool whose workers are virtual threads: the worker made while "submit pool" is current
    // must not keep that context for the tasks it runs later.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), Thread.ofVirtual().factory());
    inSpan("pool", task -> pool.submit(task).get());
    pool.execute(new NamedTask("task after pool"));
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);

    System.out.println("virtual-threads-app done");
  }

  private static void inSpan(String api, Launch launch) throws Exception {
    Span submit = TRACER.spanBuilder("submit " + api).startSpan();
    try (Scope ignored = submit.makeCurrent()) {
      launch.run(new NamedTask("task " + api));
    } finally {
      submit.end();
    }
  }

  /** Not a lambda: {@code execute} wraps lambdas only, and this shows what a worker keeps. */
  static final class NamedTask implements Runnable {
    private final String name;

    NamedTask(String name) {
      this.name = name;
    }

    @Override
    public void run() {
      if (!Thread.currentThread().isVirtual()) {
        throw new IllegalStateException(name + " ran on a platform thread");
      }
      TRACER.spanBuilder(name).startSpan().end();
    }
  }
}
