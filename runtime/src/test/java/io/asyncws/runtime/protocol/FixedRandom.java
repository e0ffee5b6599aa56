package io.asyncws.runtime.protocol;

import java.util.Random;

/** A {@link Random} whose {@code nextInt()} always returns one value: a chosen mask key. */
final class FixedRandom extends Random {
  private static final long serialVersionUID = 1L;

  private final int value;

  FixedRandom(int value) {
    this.value = value;
  }

  @Override
  protected int next(int bits) {
    return value >>> (32 - bits);
  }
}
