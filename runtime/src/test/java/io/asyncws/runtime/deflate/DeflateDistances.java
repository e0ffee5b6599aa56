package io.asyncws.runtime.deflate;

/**
 * A minimal DEFLATE decoder (RFC 1951) that only walks the stream and reports the longest
 * back-reference distance, to check that a compressor stayed within a window. Test code: it
 * stops at the end of the input, which for a permessage-deflate payload is mid-stream.
 */
final class DeflateDistances {
  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DIST_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
  };
  private static final int[] DIST_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };
  private static final int[] CODE_LENGTH_ORDER = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
  };

  private final byte[] in;
  private int bit;

  private DeflateDistances(byte[] in) {
    this.in = in;
  }

  /** The longest distance any back-reference in {@code stream} uses; 0 when there is none. */
  static int max(byte[] stream) {
    return new DeflateDistances(stream).walk();
  }

  private int walk() {
    int max = 0;
    while (bit + 3 <= in.length * 8) {
      boolean last = bits(1) == 1;
      int type = bits(2);
      if (type == 0) {
        bit = (bit + 7) & ~7;
        if (bit / 8 + 4 > in.length) break;
        int len = bits(16);
        bits(16);
        bit += 8 * len;
      } else {
        int[][] tables = type == 1 ? fixed() : dynamic();
        while (true) {
          int symbol = decode(tables[0]);
          if (symbol < 256) continue;
          if (symbol == 256) break;
          bits(LENGTH_EXTRA[symbol - 257]);
          int d = decode(tables[1]);
          max = Math.max(max, DIST_BASE[d] + bits(DIST_EXTRA[d]));
        }
      }
      if (last) break;
    }
    return max;
  }

  private int bits(int n) {
    int value = 0;
    for (int i = 0; i < n; i++, bit++) {
      value |= ((in[bit >>> 3] >>> (bit & 7)) & 1) << i;
    }
    return value;
  }

  /** A canonical Huffman table as code lengths; decoded by walking codes of growing length. */
  private int decode(int[] lengths) {
    int code = 0;
    int first = 0;
    int index = 0;
    for (int len = 1; len <= 15; len++) {
      code |= bits(1);
      int count = 0;
      for (int l : lengths) if (l == len) count++;
      if (code - count < first) {
        int k = code - first; // the k-th symbol, in symbol order, among codes of this length
        for (int s = 0; s < lengths.length; s++) {
          if (lengths[s] == len && k-- == 0) return s;
        }
      }
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new IllegalArgumentException("no Huffman code matches");
  }

  private static int[][] fixed() {
    int[] lit = new int[288];
    for (int i = 0; i < 288; i++) lit[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    int[] dist = new int[30];
    java.util.Arrays.fill(dist, 5);
    return new int[][] {lit, dist};
  }

  private int[][] dynamic() {
    int hlit = bits(5) + 257;
    int hdist = bits(5) + 1;
    int hclen = bits(4) + 4;
    int[] codeLengths = new int[19];
    for (int i = 0; i < hclen; i++) codeLengths[CODE_LENGTH_ORDER[i]] = bits(3);
    int[] lengths = new int[hlit + hdist];
    for (int i = 0; i < lengths.length; ) {
      int symbol = decode(codeLengths);
      if (symbol < 16) {
        lengths[i++] = symbol;
      } else {
        int repeat = symbol == 16 ? 3 + bits(2) : symbol == 17 ? 3 + bits(3) : 11 + bits(7);
        int value = symbol == 16 ? lengths[i - 1] : 0;
        for (int r = 0; r < repeat; r++) lengths[i++] = value;
      }
    }
    return new int[][] {
      java.util.Arrays.copyOfRange(lengths, 0, hlit),
      java.util.Arrays.copyOfRange(lengths, hlit, lengths.length)
    };
  }
}
