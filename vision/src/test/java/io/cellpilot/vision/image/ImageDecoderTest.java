package io.cellpilot.vision.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final GreyImage part = SyntheticParts.part(64, new Random(1));

  @Test
  void eightBitGreyPngRoundTripsWithinOneGreyLevel() {
    GreyImage back = ImageDecoder.decode(Images.toPng(part));
    assertEquals(64, back.width());
    for (int i = 0; i < part.pixels().length; i++) {
      assertEquals(part.pixels()[i], back.pixels()[i], 1.0 / 255 + 1e-6);
    }
  }

  @Test
  void sixteenBitGreyKeepsItsFinerLevels() throws Exception {
    GreyImage back = ImageDecoder.decode(encode(SyntheticParts.to16Bit(part), "png"));
    for (int i = 0; i < part.pixels().length; i++) {
      assertEquals(part.pixels()[i], back.pixels()[i], 1.0 / 65535 + 1e-6);
    }
  }

  @Test
  void rgbJpegOfAnotherSizeBecomesGreyLuma() throws Exception {
    BufferedImage rgb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        rgb.setRGB(x, y, x < 150 ? 0xff0000 : 0x0000ff);
      }
    }
    GreyImage g = ImageDecoder.decode(encode(rgb, "jpg"));
    assertEquals(300, g.width());
    assertEquals(200, g.height());
    // Rec. 601 luma: red 0.299, blue 0.114 (JPEG blurs colour a little).
    assertEquals(0.299, g.at(50, 100), 0.03);
    assertEquals(0.114, g.at(250, 100), 0.03);
  }

  @Test
  void corruptBytesAreRefusedAsCorrupt() {
    byte[] png = Images.toPng(part);
    byte[] truncated = Arrays.copyOf(png, png.length / 3);
    VisionException e = assertThrows(VisionException.class, () -> ImageDecoder.decode(truncated));
    assertEquals(Reason.CORRUPT_IMAGE, e.reason());
    assertTrue(e.getMessage().contains("could not be decoded"), e.getMessage());
  }

  @Test
  void emptyAndNonImageBytesAreRefusedWithTheirReason() {
    assertEquals(Reason.CORRUPT_IMAGE,
        assertThrows(VisionException.class, () -> ImageDecoder.decode(new byte[0])).reason());
    VisionException text = assertThrows(VisionException.class,
        () -> ImageDecoder.decode("hello, not an image".getBytes()));
    assertEquals(Reason.UNSUPPORTED_IMAGE, text.reason());
    assertTrue(text.getMessage().contains("68656c6c"), "names the first bytes: " + text.getMessage());
  }

  @Test
  void imagesTooSmallToInspectAreRefusedAsWrongDimensions() throws Exception {
    BufferedImage tiny = new BufferedImage(4, 300, BufferedImage.TYPE_BYTE_GRAY);
    VisionException e = assertThrows(VisionException.class, () -> ImageDecoder.decode(encode(tiny, "png")));
    assertEquals(Reason.WRONG_DIMENSIONS, e.reason());
    assertTrue(e.getMessage().contains("4x300"), e.getMessage());
  }

  @Test
  void shrinkingAveragesSoAThinLineSurvivesAsAFainterLine() {
    float[] px = new float[100 * 100];
    for (int y = 0; y < 100; y++) {
      px[y * 100 + 50] = 1f;
    }
    GreyImage small = new GreyImage(100, 100, px).resize(25, 25);
    float max = 0;
    for (float v : small.pixels()) {
      max = Math.max(max, v);
    }
    assertEquals(0.25f, max, 0.01f);
  }

  @Test
  void fixedScalePreprocessingKeepsTheAspectRatioInMultiplesOfFour() {
    Preprocessing pre = Preprocessing.scaled(0.5, 512);
    Preprocessing.Input in = pre.prepare(new GreyImage(301, 203, new float[301 * 203]));
    assertEquals(148, in.width());
    assertEquals(100, in.height());
    assertArrayEquals(new float[148 * 100], in.values());
  }

  private static byte[] encode(BufferedImage image, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out));
    return out.toByteArray();
  }
}
