package io.cellpilot.sim.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.SimException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {

  @TempDir
  Path tmp;

  @Test
  void writesTheMvtecLayoutWithAMaskForEveryDefectImage() throws Exception {
    DatasetGenerator.Summary summary = DatasetGenerator.generate(DatasetSpec.of(tmp.resolve("parts"), 5, 4, 2, 3, 96));

    Path root = summary.root();
    assertEquals(List.of("000.png", "001.png", "002.png", "003.png"), names(root.resolve("train/good")));
    assertEquals(List.of("000.png", "001.png"), names(root.resolve("test/good")));
    for (DefectKind kind : DefectKind.values()) {
      assertEquals(List.of("000.png", "001.png", "002.png"), names(root.resolve("test").resolve(kind.label())));
      assertEquals(List.of("000_mask.png", "001_mask.png", "002_mask.png"),
          names(root.resolve("ground_truth").resolve(kind.label())));
      for (int i = 0; i < 3; i++) {
        BufferedImage image = Png.decode(Files.readAllBytes(root.resolve("test/" + kind.label() + "/00" + i + ".png")));
        BufferedImage mask = Png.decode(Files.readAllBytes(
            root.resolve("ground_truth/" + kind.label() + "/00" + i + "_mask.png")));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        assertEquals(96, image.getWidth());
        assertEquals(96, mask.getHeight());
        int marked = 0;
        for (int y = 0; y < 96; y++) {
          for (int x = 0; x < 96; x++) {
            int v = mask.getRaster().getSample(x, y, 0);
            assertTrue(v == 0 || v == 255, "mask values are 0 or 255, was " + v);
            marked += v == 255 ? 1 : 0;
          }
        }
        assertTrue(marked > 0, kind + " mask " + i + " marks nothing");
      }
    }
    assertTrue(Files.readString(root.resolve("dataset.json")).contains("\"seed\": 5"));
    assertEquals(15, summary.testDefects());
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    Path a = DatasetGenerator.generate(DatasetSpec.of(tmp.resolve("a"), 9, 2, 1, 1, 64)).root();
    Path b = DatasetGenerator.generate(DatasetSpec.of(tmp.resolve("b"), 9, 2, 1, 1, 64)).root();
    for (String file : List.of("train/good/001.png", "test/crack/000.png", "ground_truth/stain/000_mask.png")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
  }

  @Test
  void refusesAFolderThatIsNotEmptySoThatNothingIsOverwritten() throws Exception {
    Files.writeString(tmp.resolve("keep.txt"), "precious");
    SimException e = assertThrows(SimException.class, () -> DatasetGenerator.generate(DatasetSpec.of(tmp, 1, 1, 1, 1, 64)));
    assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    assertEquals("precious", Files.readString(tmp.resolve("keep.txt")));
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
