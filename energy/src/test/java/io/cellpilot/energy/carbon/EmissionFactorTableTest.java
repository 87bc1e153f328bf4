package io.cellpilot.energy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.energy.EnergyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmissionFactorTableTest {

  /**
   * The figures as published (t CO2/MWh): MEE notice Huanban Qihou Han [2023] No. 43 (ETS reporting, 0.5703); the
   * MEE/NBS announcement of the 2022 electricity CO2 emission factors of 2024-12-20 (national, regional).
   */
  static final Map<String, Double> SOURCES = Map.ofEntries(
      Map.entry("cn-ets-2022", 0.5703),
      Map.entry("cn-national-2022", 0.5366),
      Map.entry("cn-national-excl-market-nonfossil-2022", 0.5856),
      Map.entry("cn-fossil-2022", 0.8325),
      Map.entry("cn-north-2022", 0.6776),
      Map.entry("cn-northeast-2022", 0.5564),
      Map.entry("cn-east-2022", 0.5617),
      Map.entry("cn-central-2022", 0.5395),
      Map.entry("cn-northwest-2022", 0.5857),
      Map.entry("cn-south-2022", 0.3869),
      Map.entry("cn-southwest-2022", 0.2268));

  @Test
  void everyShippedFactorMatchesItsPublishedFigureAndNamesItsSourceAndYear() {
    EmissionFactorTable t = EmissionFactorTable.shipped();
    assertEquals("2026.11-1", t.version());
    assertEquals(SOURCES.keySet(), t.factors().keySet());
    SOURCES.forEach((key, value) -> {
      EmissionFactor f = t.require(key, "k");
      assertEquals(value, f.kgPerKwh(), 0.0, key);
      assertEquals(2022, f.year(), key);
      assertFalse(f.source().isBlank(), key);
      assertTrue(f.source().startsWith("MEE"), key);
    });
    assertTrue(t.require("cn-ets-2022", "k").source().contains("[2023] No. 43"));
    assertEquals("2024-12", t.require("cn-south-2022", "k").published());
  }

  @Test
  void aMissingFactorIsAConfigErrorNamingTheSettingAndTheKnownKeys() {
    EnergyException e = assertThrows(EnergyException.class,
        () -> EmissionFactorTable.shipped().require("cn-hainan-2022", "cellpilot.energy.carbon.grid-factor"));
    assertEquals(EnergyException.Code.MISSING_FACTOR, e.code());
    assertTrue(e.getMessage().startsWith("cellpilot.energy.carbon.grid-factor names the emission factor "
        + "'cn-hainan-2022', which is not in the factor table"), e.getMessage());
    assertTrue(e.getMessage().contains("cn-south-2022"));
  }

  @Test
  void aUsersFileAddsAndCorrectsEntries(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("factors.csv");
    Files.writeString(file, "# plant factors, version 7\nkey,year,kg_per_kwh,source,published\n"
        + "de-2023,2023,0.380,\"UBA, Climate Change 20/2024\",2024-05\n"
        + "cn-south-2022,2022,0.3870,corrected by the plant's auditor,2025-01\n");
    EmissionFactorTable t = EmissionFactorTable.shipped().extendedBy(file);
    assertEquals(0.380, t.require("de-2023", "k").kgPerKwh());
    assertEquals("UBA, Climate Change 20/2024", t.require("de-2023", "k").source());
    assertEquals(0.3870, t.require("cn-south-2022", "k").kgPerKwh());
    assertEquals(0.5366, t.require("cn-national-2022", "k").kgPerKwh());
    assertEquals("2026.11-1 + factors.csv 7", t.version());
  }

  @Test
  void anEntryWithoutItsSourceOrWithABadNumberIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "key,year,kg_per_kwh,source,published\nx-2023,2023,0.4,,2024\n");
    EnergyException e = assertThrows(EnergyException.class, () -> EmissionFactorTable.shipped().extendedBy(file));
    assertEquals(EnergyException.Code.INVALID_FACTOR_TABLE, e.code());
    assertTrue(e.getMessage().contains("bad.csv line 2: factor 'x-2023' needs its source"), e.getMessage());
    Files.writeString(file, "x-2023,2023,4.2,somebody,2024\n");
    e = assertThrows(EnergyException.class, () -> EmissionFactorTable.shipped().extendedBy(file));
    assertTrue(e.getMessage().contains("line 1: year must be 1990..2100 and kg_per_kwh 0..2"), e.getMessage());
  }
}
