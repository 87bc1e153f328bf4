package io.cellpilot.sim.cobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScriptParserTest {

  @Test
  void aProgramWithMotionIoRegistersAndWatchdogCompiles() throws Exception {
    ScriptProgram p = ScriptParser.parse(String.join("\n",
        "def cellpilot_7():",
        "  rtde_set_watchdog(\"input_int_register_24\", 10, \"stop\")",
        "  write_output_integer_register(24, 7)",
        "  movej([0.0, -1.57, 1.57, -1.57, -1.57, 0.0], a=1.2, v=0.5)",
        "  movel(p[0.3, -0.2, 0.4, 0, 3.14, 0], a=1.0, v=0.25, r=0)",
        "  set_standard_digital_out(0, True)",
        "  write_output_integer_register(25, 7)",
        "end"));
    assertEquals("cellpilot_7", p.name());
    assertEquals(6, p.statements().size());
    Statement.MoveJ j = assertInstanceOf(Statement.MoveJ.class, p.statements().get(2));
    assertEquals(0.5, j.v());
    assertEquals(false, j.pose());
    Statement.SetWatchdog w = assertInstanceOf(Statement.SetWatchdog.class, p.statements().get(0));
    assertEquals("stop", w.action());
    assertEquals(10, w.minFrequency());
  }

  @Test
  void aSingleStatementIsAProgramToo() throws Exception {
    ScriptProgram p = ScriptParser.parse("stopj(2.0)");
    assertInstanceOf(Statement.Stop.class, p.statements().get(0));
  }

  @Test
  void anUnknownFunctionIsACompileErrorNamingTheLine() {
    ScriptException e = assertThrows(ScriptException.class,
        () -> ScriptParser.parse("def x():\n  movej([0,0,0,0,0,0])\n  explode()\nend"));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("explode"), e.getMessage());
  }

  @Test
  void aJointVectorOfFiveValuesIsRejected() {
    assertThrows(ScriptException.class, () -> ScriptParser.parse("movej([0,0,0,0,0])"));
  }
}
