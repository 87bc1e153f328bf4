package io.cellpilot.sim.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.config.LineConfig;
import io.cellpilot.sim.config.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineTest {

  static final double DT = 0.02;
  Instant now = Instant.parse("2026-01-01T06:00:00Z");
  final List<PartSpec> entered = new ArrayList<>();
  final List<PartSpec> photographed = new ArrayList<>();
  final PartLedger ledger = new PartLedger(1000);
  final LineConfig config = new LineConfig.Builder().holdTimeout(Duration.ofSeconds(30)).build();
  final Line line = new Line(config, new PartFactory(7, 0.2, List.of(DefectKind.values())), ledger, () -> now,
      new LineEvents() {
        public void partEntered(PartSpec part) {
          entered.add(part);
        }

        public void partPressed(PartSpec part) {}

        public void partAtCamera(PartSpec part) {
          photographed.add(part);
        }

        public void lineFaulted(String reason) {}
      });

  void run(double seconds) {
    for (int i = 0; i < Math.round(seconds / DT); i++) {
      line.step(DT);
      now = now.plusMillis(20);
    }
  }

  @Test
  void partsEnterAtTheConfiguredSpacingAndPassTheCameraInOrder() {
    line.start();
    run(20);
    // 0.2 m/s (after a 0.4 s ramp) with 0.4 m spacing: a part every 2 s.
    assertEquals(10, entered.size());
    assertEquals(entered.subList(0, photographed.size()), photographed);
    assertEquals(photographed.get(photographed.size() - 1).id(), line.inspectionPartId());
  }

  @Test
  void aRequestedPartIsHeldAtThePickPositionGrippedThenReleasedIntoTheBin() {
    line.start();
    run(3);
    String id = entered.get(0).id();
    assertTrue(line.requestStop(id).ok());
    run(15);
    assertTrue(line.holding());
    assertEquals(id, line.heldPartId());
    assertEquals(0.0, line.speed());
    assertTrue(line.partAtPick());

    Position pick = config.pickPosition();
    assertEquals(Optional.empty(), line.grip(pick.x() + 0.2, pick.y(), pick.z()), "too far from the part");
    assertEquals(Optional.of(id), line.grip(pick.x(), pick.y() + 0.01, pick.z()));
    assertEquals(PartFate.GRIPPED, ledger.get(id).orElseThrow().fate());
    assertTrue(line.holding(), "the belt stays held until Release()");

    Position bin = config.rejectBin();
    line.release(id, bin.x() + 0.05, bin.y(), bin.z());
    assertEquals(PartFate.IN_BIN, ledger.get(id).orElseThrow().fate());
    assertTrue(line.release().ok());
    run(2);
    assertTrue(line.speed() > 0);
  }

  @Test
  void aPartReleasedAwayFromTheBinIsRecordedAsDropped() {
    line.start();
    run(3);
    String id = entered.get(0).id();
    line.requestStop(id);
    run(15);
    Position pick = config.pickPosition();
    line.grip(pick.x(), pick.y(), pick.z());
    line.release(id, 1.0, 1.0, 0.0);
    assertEquals(PartFate.DROPPED, ledger.get(id).orElseThrow().fate());
  }

  @Test
  void requestsForUnknownOrPassedPartsAreNotFoundAndEmptyIdsInvalid() {
    line.start();
    run(20);
    assertEquals(Outcome.Status.NOT_FOUND, line.requestStop("L1-0000-999999").status());
    assertEquals(Outcome.Status.NOT_FOUND, line.requestStop(entered.get(0).id()).status(), "already past the pick");
    assertEquals(Outcome.Status.INVALID_ARGUMENT, line.requestStop(" ").status());
    assertEquals(Outcome.Status.INVALID_STATE, line.release().status());
  }

  @Test
  void withoutReleaseTheHoldTimesOutAndFaultsTheLine() {
    line.start();
    run(3);
    line.requestStop(entered.get(0).id());
    run(15 + 31);
    assertEquals(LineState.FAULTED, line.state());
    assertTrue(line.faultText().contains("no Release() within 30 s"), line.faultText());
    assertEquals(Outcome.Status.INVALID_STATE, line.start().status());
    assertTrue(line.reset().ok());
    assertFalse(line.holding());
    assertTrue(line.start().ok());
  }

  @Test
  void partsThatReachTheEndOfTheBeltPass() {
    line.start();
    run(30);
    PartTruth first = ledger.get(entered.get(0).id()).orElseThrow();
    assertEquals(PartFate.PASSED, first.fate());
    assertTrue(first.inspectedAt().isBefore(first.fateAt()));
  }
}
