package io.cellpilot.controller.ingest;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderCameraSourceTest {

  @Test
  void anImageRenamedIntoTheFolderArrivesOnceWithItsPartIdAndTemporaryFilesAreIgnored(@TempDir Path dir)
      throws Exception {
    List<CameraImage> images = new CopyOnWriteArrayList<>();
    try (FolderCameraSource camera = new FolderCameraSource("cam", dir, "png", 1_000_000, Clock.systemUTC())) {
      camera.start(images::add);
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
      // As the camera does it: write a temporary name, then rename.
      Path tmp = dir.resolve(".P-17.png.tmp");
      Files.write(tmp, png);
      Files.move(tmp, dir.resolve("P-17.png"), StandardCopyOption.ATOMIC_MOVE);
      Files.write(dir.resolve("notes.txt"), new byte[] {1});
      Files.write(dir.resolve("empty.png"), new byte[0]);

      await().atMost(10, SECONDS).until(() -> images.size() == 1 && camera.stats().malformed() == 1);
      assertEquals("P-17", images.get(0).partId());
      assertArrayEquals(png, images.get(0).bytes());
      assertEquals("image/png", images.get(0).contentType());
    }
  }
}
