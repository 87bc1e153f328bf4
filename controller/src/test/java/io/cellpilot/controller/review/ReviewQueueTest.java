package io.cellpilot.controller.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewQueueTest {

  private static ReviewItem item(String partId, String time) {
    return new ReviewItem(partId, time, 0.52, 0.5, "v1", "REVIEW", "score within band", "abc", "");
  }

  @Test
  void waitingPartsSurviveARestartInTheirOrder(@TempDir Path data) {
    ReviewQueue queue = new ReviewQueue(data, 10);
    queue.add(item("P2", "2026-11-22T10:00:02Z"), new byte[] {2}, "png");
    queue.add(item("P1", "2026-11-22T10:00:01Z"), new byte[] {1}, "png");

    ReviewQueue restarted = new ReviewQueue(data, 10);
    assertEquals(java.util.List.of("P1", "P2"), restarted.list().stream().map(ReviewItem::partId).toList());
    assertTrue(restarted.image("P2").isPresent());
  }

  @Test
  void resolvingFilesTheImageAndTheAnswerAsALabelAndEmptiesTheQueue(@TempDir Path data) throws Exception {
    ReviewQueue queue = new ReviewQueue(data, 10);
    queue.add(item("P1", "2026-11-22T10:00:01Z"), new byte[] {7, 7}, "png");
    queue.resolve("P1", "scratch", "ann");

    assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(data.resolve("labels/scratch/P1.png")));
    String answer = Files.readString(data.resolve("labels/scratch/P1.json"));
    assertTrue(answer.contains("\"label\":\"scratch\"") && answer.contains("\"user\":\"ann\""), answer);
    assertEquals(0, queue.size());
    assertEquals(0, new ReviewQueue(data, 10).size(), "the resolution is persisted too");
  }

  @Test
  void aFullQueueRefusesNewPartsAndBadLabelsOrUnknownPartsAreRefused(@TempDir Path data) {
    ReviewQueue queue = new ReviewQueue(data, 1);
    queue.add(item("P1", "t1"), null, "png");
    assertEquals("review queue is full (1 parts)",
        assertThrows(ReviewException.class, () -> queue.add(item("P2", "t2"), null, "png")).getMessage());
    assertThrows(ReviewException.class, () -> queue.resolve("P1", "../etc", "ann"));
    assertThrows(ReviewException.class, () -> queue.resolve("P9", "good", "ann"));
    assertEquals(1, queue.size());
  }

  @Test
  void partIdsThatAreNotSafeFileNamesAreHashed(@TempDir Path data) {
    ReviewQueue queue = new ReviewQueue(data, 5);
    queue.add(item("../../x", "t"), new byte[] {1}, "png");
    Path image = queue.image("../../x").orElseThrow();
    assertEquals(data.resolve("review/pending"), image.getParent());
    assertFalse(image.getFileName().toString().contains(".."));
  }
}
