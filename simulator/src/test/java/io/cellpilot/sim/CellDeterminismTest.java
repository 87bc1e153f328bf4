package io.cellpilot.sim;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.line.PartTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole cells, compared by what the camera really wrote: same seed, same bytes; another seed, other parts. */
class CellDeterminismTest {

  @TempDir
  Path tmp;

  record Run(List<PartTruth> parts, List<byte[]> images) {}

  Run run(long seed, String folder) throws Exception {
    Path images = tmp.resolve(folder);
    SimConfig config = SimConfig.forTests(seed)
        .time(t -> t.scale(20).start(Instant.parse("2026-03-01T08:00:00Z")))
        .mqtt(m -> m.enabled(false))
        .line(l -> l.defectRate(0.5))
        .camera(c -> c.folder(images))
        .build();
    try (SimulatedCell cell = SimulatedCell.start(config)) {
      await().atMost(60, SECONDS).until(() -> cell.stats().images() >= 4);
      List<PartTruth> first = cell.parts().subList(0, 4);
      List<byte[]> bytes = first.stream().map(p -> read(images.resolve(p.id() + ".png"))).toList();
      return new Run(first, bytes);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void twoCellsWithTheSameSeedMakeTheSamePartsAndWriteTheSameImageBytes() throws Exception {
    Run a = run(9, "a");
    Run b = run(9, "b");
    Run c = run(10, "c");

    assertEquals(a.parts().stream().map(p -> p.id() + p.defect() + p.enteredAt()).toList(),
        b.parts().stream().map(p -> p.id() + p.defect() + p.enteredAt()).toList());
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(a.images().get(i), b.images().get(i), "image of part " + a.parts().get(i).id());
    }
    assertNotEquals(a.parts().get(0).id(), c.parts().get(0).id());
    assertFalse(java.util.Arrays.equals(a.images().get(0), c.images().get(0)));
  }
}
