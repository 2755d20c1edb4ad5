package io.otelite.tooling.export.disk;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.tooling.export.health.ExportFailure;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Spans go to a bounded directory first, and a sender thread hands them from there to the real
 * exporter, deleting a batch only once the exporter says it arrived: while the collector is down
 * nothing is lost (up to the directory's bound) and nothing is sent twice; what a JVM could not
 * send before it exited, the next run with the same directory sends.
 *
 * <p>The batch span processor's thread only encodes and writes a file, so a collector that is down
 * never blocks it and its queue does not fill. Between failed rounds the sender waits as the
 * standard OTLP retry does (exponential backoff with jitter, {@link RetryPolicy#getDefault()}); the
 * exporter's own retries run inside each round.
 */
public final class DiskBufferedSpanExporter implements SpanExporter {
  private static final long IDLE_POLL_MILLIS = 1000;

  private final SpanExporter delegate;
  private final SpoolDirectory spool;
  private final long shutdownTimeoutMillis;
  private final Thread sender;
  private final Object signal = new Object();
  private volatile boolean shuttingDown;
  private volatile long drainDeadlineNanos;
  private final CompletableResultCode drained = new CompletableResultCode();

  DiskBufferedSpanExporter(
      SpanExporter delegate, SpoolDirectory spool, long shutdownTimeoutMillis) {
    this.delegate = delegate;
    this.spool = spool;
    this.shutdownTimeoutMillis = shutdownTimeoutMillis;
    this.sender = new Thread(this::sendStoredBatches, "otelite-disk-buffer-sender");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (spans.isEmpty()) {
      return CompletableResultCode.ofSuccess();
    }
    try {
      if (!spool.write(SpanBatchCodec.encode(spans))) {
        DiskBufferDrops.directoryFull(spans.size(), spool.path());
        return CompletableResultCode.ofFailure();
      }
    } catch (IOException | RuntimeException e) {
      DiskBufferDrops.writeFailed(spans.size(), e);
      return CompletableResultCode.ofFailure();
    }
    synchronized (signal) {
      signal.notifyAll();
    }
    return CompletableResultCode.ofSuccess();
  }

  /** The spans are on disk once {@link #export} returns: nothing more to flush. */
  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  /**
   * Sends what is stored while most of the shutdown time is left (the rest is for the exporter's
   * own shutdown); a batch that does not make it stays on disk for the next run.
   */
  @Override
  public CompletableResultCode shutdown() {
    drainDeadlineNanos =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shutdownTimeoutMillis * 8 / 10);
    shuttingDown = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    CompletableResultCode result = new CompletableResultCode();
    drained.whenComplete(() -> delegate.shutdown().whenComplete(result::succeed));
    return result;
  }

  private void sendStoredBatches() {
    RetryPolicy backoff = RetryPolicy.getDefault();
    long nextBackoffNanos = backoff.getInitialBackoff().toNanos();
    try {
      while (!(shuttingDown && System.nanoTime() > drainDeadlineNanos)) {
        Outcome outcome;
        try {
          outcome = sendOldest();
        } catch (IOException | RuntimeException e) {
          // the directory went away or is not writable any more: keep trying, it may come back
          AgentLog.warnOnce(
              "disk-buffer-io", "the disk buffer in " + spool.path() + " cannot be used", e);
          outcome = Outcome.FAILED;
        }
        if (outcome == Outcome.DONE) {
          nextBackoffNanos = backoff.getInitialBackoff().toNanos();
        } else if (shuttingDown) {
          break; // nothing left, or the collector is still away: the rest waits on disk for the
          // next run
        } else if (outcome == Outcome.NOTHING_STORED) {
          pause(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS), true);
        } else {
          // jitter as in the exporters' own retry: a fleet coming back does not hit the collector
          // at once
          pause(
              ThreadLocalRandom.current().nextLong(nextBackoffNanos / 2, nextBackoffNanos + 1),
              false);
          nextBackoffNanos =
              Math.min(
                  (long) (nextBackoffNanos * backoff.getBackoffMultiplier()),
                  backoff.getMaxBackoff().toNanos());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      drained.succeed();
    }
  }

  private enum Outcome {
    /** sent, or dropped for good (counted) */
    DONE,
    FAILED,
    NOTHING_STORED
  }

  private Outcome sendOldest() throws IOException, InterruptedException {
    SpoolDirectory.Claim claim = spool.claimOldest();
    if (claim == null) {
      return Outcome.NOTHING_STORED;
    }
    List<SpanData> spans;
    try {
      spans = SpanBatchCodec.decode(claim.content);
    } catch (IOException | RuntimeException e) {
      DiskBufferDrops.unreadable(claim.original, e);
      spool.delete(claim);
      return Outcome.DONE;
    }
    CompletableResultCode result = delegate.export(spans);
    // no timeout of our own: giving up while the exporter may still deliver would send the batch
    // twice;
    // the exporter's timeout ends every attempt, and JVM exit does not wait for this daemon thread
    while (!result.isDone()) {
      result.join(100, TimeUnit.MILLISECONDS);
      if (shuttingDown && System.nanoTime() > drainDeadlineNanos && !result.isDone()) {
        // still undecided at exit: the claim stays, and the next run takes the batch back
        return Outcome.FAILED;
      }
    }
    if (result.isSuccess()) {
      spool.delete(claim);
      return Outcome.DONE;
    }
    if (ExportFailure.refusesTheData(result.getFailureThrowable())) {
      // sending it again would be refused again, and would hold back every batch behind it
      DiskBufferDrops.refusedByCollector(spans.size());
      spool.delete(claim);
      return Outcome.DONE;
    }
    spool.release(claim);
    return Outcome.FAILED;
  }

  private void pause(long nanos, boolean wakeOnNewBatch) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    synchronized (signal) {
      for (long left = nanos; left > 0 && !shuttingDown; left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(signal, left);
        if (wakeOnNewBatch) {
          return;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "DiskBufferedSpanExporter{" + delegate + "}";
  }
}
