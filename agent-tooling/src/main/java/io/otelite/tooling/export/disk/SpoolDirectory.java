package io.otelite.tooling.export.disk;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A directory of batch files that never grows beyond a size bound, shared safely by several runs of
 * the application (one after the other, or at the same time):
 *
 * <ul>
 *   <li>a batch is written to a temporary name and renamed into place, so a reader never sees half
 *       a file;
 *   <li>names start with the write time, so the oldest batch is sent first;
 *   <li>a sender claims a batch by renaming it to a name with its process id: of two processes only
 *       one rename succeeds, so a batch is never sent twice; a claim left by a process that died
 *       (the JVM exited while the collector was down) goes back to the queue when the next run
 *       opens the directory.
 * </ul>
 */
final class SpoolDirectory {
  static final String BATCH = ".batch";
  private static final String CLAIMED = ".sending-";
  private static final String WRITING = ".writing-";

  private final Path directory;
  private final long maxBytes;
  private final long pid = ProcessHandle.current().pid();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong bytesOnDisk = new AtomicLong();

  /** A batch this process has claimed: to delete once sent, or to put back when sending failed. */
  static final class Claim {
    final Path claimed;
    final Path original;
    final byte[] content;

    Claim(Path claimed, Path original, byte[] content) {
      this.claimed = claimed;
      this.original = original;
      this.content = content;
    }
  }

  SpoolDirectory(Path directory, long maxBytes) throws IOException {
    this.directory = directory;
    this.maxBytes = maxBytes;
    Files.createDirectories(directory);
    recoverFromDeadProcesses();
    bytesOnDisk.set(measure());
  }

  Path path() {
    return directory;
  }

  /** Stores a batch; false (nothing written) when it would take the directory beyond its bound. */
  boolean write(byte[] content) throws IOException {
    if (bytesOnDisk.get() + content.length > maxBytes) {
      // another run may have sent and deleted batches since we last looked
      bytesOnDisk.set(measure());
      if (bytesOnDisk.get() + content.length > maxBytes) {
        return false;
      }
    }
    String name =
        String.format("%016x-%08x-%d", System.currentTimeMillis(), sequence.incrementAndGet(), pid);
    Path writing = directory.resolve(name + WRITING + pid);
    Files.write(writing, content);
    try {
      move(writing, directory.resolve(name + BATCH));
    } catch (IOException e) {
      Files.deleteIfExists(writing);
      throw e;
    }
    bytesOnDisk.addAndGet(content.length);
    return true;
  }

  /** The oldest batch nobody is sending, now claimed by this process; null when there is none. */
  Claim claimOldest() throws IOException {
    for (Path batch : batches()) {
      String name = batch.getFileName().toString();
      Path claimed = directory.resolve(name + CLAIMED + pid);
      try {
        move(batch, claimed);
      } catch (NoSuchFileException | FileAlreadyExistsException e) {
        continue; // another process claimed it first
      }
      try {
        return new Claim(claimed, batch, Files.readAllBytes(claimed));
      } catch (IOException e) {
        move(claimed, batch); // not left claimed until this process ends
        throw e;
      }
    }
    return null;
  }

  /** The batch was sent: it goes. */
  void delete(Claim claim) throws IOException {
    Files.deleteIfExists(claim.claimed);
    bytesOnDisk.addAndGet(-claim.content.length);
  }

  /** Sending failed: the batch goes back to the queue, still the oldest. */
  void release(Claim claim) throws IOException {
    move(claim.claimed, claim.original);
  }

  /** Batches waiting, oldest first (not those another process is sending). */
  List<Path> batches() throws IOException {
    List<Path> batches = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + BATCH)) {
      for (Path file : files) {
        batches.add(file);
      }
    }
    Collections.sort(batches);
    return batches;
  }

  long bytesOnDisk() {
    return bytesOnDisk.get();
  }

  private long measure() throws IOException {
    long total = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        try {
          total += Files.size(file);
        } catch (NoSuchFileException e) {
          // sent and deleted by another process meanwhile
        }
      }
    }
    return total;
  }

  /**
   * Claims of processes that are gone go back to the queue; their half-written files are deleted.
   */
  private void recoverFromDeadProcesses() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        int claimAt = name.lastIndexOf(CLAIMED);
        int writingAt = name.lastIndexOf(WRITING);
        try {
          if (claimAt > 0 && !alive(name.substring(claimAt + CLAIMED.length()))) {
            move(file, directory.resolve(name.substring(0, claimAt)));
          } else if (writingAt > 0 && !alive(name.substring(writingAt + WRITING.length()))) {
            Files.deleteIfExists(file);
          }
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
          // another run recovered it at the same time
        }
      }
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not one of our names: leave it alone
    }
  }

  /** A rename that either happens whole or not at all, and never replaces an existing file. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
    // ATOMIC_MOVE may replace an existing target on some systems; our names are unique per process
    // and
    // sequence, and claims carry the claimer's pid, so a replace cannot lose a batch
  }
}
