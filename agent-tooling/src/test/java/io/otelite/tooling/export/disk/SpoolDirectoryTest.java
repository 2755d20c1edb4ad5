package io.otelite.tooling.export.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTest {
  @TempDir Path directory;

  @Test
  void batchesComeBackOldestFirstAndAClaimedOneIsNotHandedOutAgain() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(directory, 1000);
    spool.write(new byte[] {1});
    spool.write(new byte[] {2});
    SpoolDirectory sameDirectory = new SpoolDirectory(directory, 1000);

    SpoolDirectory.Claim first = spool.claimOldest();
    SpoolDirectory.Claim second = sameDirectory.claimOldest();

    assertThat(first.content).containsExactly(1);
    assertThat(second.content).containsExactly(2);
    assertThat(sameDirectory.claimOldest()).isNull();
  }

  @Test
  void aReleasedBatchIsTheOldestAgainAndADeletedOneIsGone() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(directory, 1000);
    spool.write(new byte[] {1});
    spool.write(new byte[] {2});

    spool.release(spool.claimOldest());
    SpoolDirectory.Claim again = spool.claimOldest();
    assertThat(again.content).containsExactly(1);
    spool.delete(again);

    assertThat(spool.claimOldest().content).containsExactly(2);
    assertThat(spool.claimOldest()).isNull();
  }

  @Test
  void theSizeBoundCountsEveryFileInTheDirectory() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(directory, 10);

    assertThat(spool.write(new byte[6])).isTrue();
    assertThat(spool.write(new byte[6])).isFalse();
    spool.delete(spool.claimOldest());
    assertThat(spool.write(new byte[6])).isTrue();
  }

  @Test
  void aClaimLeftByAProcessThatDiedGoesBackToTheQueue() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Files.write(directory.resolve("0000-1-1.batch.sending-" + finished.pid()), new byte[] {7});
    Files.write(directory.resolve("0000-2-1.batch.writing-" + finished.pid()), new byte[] {8});

    SpoolDirectory spool = new SpoolDirectory(directory, 1000);

    assertThat(spool.claimOldest().content).containsExactly(7);
    assertThat(spool.claimOldest()).as("a half-written batch is deleted").isNull();
  }
}
