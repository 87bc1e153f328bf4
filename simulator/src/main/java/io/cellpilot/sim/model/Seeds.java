package io.cellpilot.sim.model;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the cell's seed. Every stream is addressed by a name and an
 * index (part 42's image, sample 17 of the press vibration), so a value never depends on which thread asked first or
 * how many other values were drawn before it.
 */
public final class Seeds {

  private Seeds() {}

  /** A seed for stream {@code name}, element {@code index}, of the run seeded with {@code seed}. */
  public static long derive(long seed, String name, long index) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (int i = 0; i < name.length(); i++) {
      h = mix(h ^ name.charAt(i));
    }
    return mix(h ^ mix(index + 0x632BE59BD9B4E019L));
  }

  /** A fresh random generator for stream {@code name}, element {@code index}. */
  public static SplittableRandom random(long seed, String name, long index) {
    return new SplittableRandom(derive(seed, name, index));
  }

  /** SplitMix64's finaliser: a bijective mix of 64 bits with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
