package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Conversions checked against independent formulas over every 16-bit pattern, and against BigDecimal. */
class DtypeTest {

    /** binary16: (-1)^s * 2^(e - 15) * (1 + f / 1024), subnormals 2^-14 * f / 1024, e = 31 for inf and NaN. */
    @Test
    void halfMatchesTheDefinitionForAllPatterns() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            assertEquals(smallFloat(bits, 5, 10), Dtype.halfToDouble((short) bits), "bits 0x" + Integer.toHexString(bits));
        }
    }

    /** bfloat16: 8 exponent bits (bias 127) and 7 fraction bits. */
    @Test
    void bfloat16MatchesTheDefinitionForAllPatterns() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            assertEquals(smallFloat(bits, 8, 7), Dtype.bfloat16ToDouble((short) bits), "bits 0x" + Integer.toHexString(bits));
        }
    }

    @Test
    void unsigned64RoundsToNearestEven() {
        SplittableRandom random = new SplittableRandom(7);
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1025, -1024, -1023, -2048, -3073, (1L << 53) + 1};
        for (long bits : edges) {
            assertEquals(exactUnsigned(bits), Dtype.unsignedToDouble(bits), Long.toUnsignedString(bits));
        }
        for (int i = 0; i < 100_000; i++) {
            long bits = random.nextLong() >>> random.nextInt(64) | (random.nextBoolean() ? Long.MIN_VALUE : 0);
            assertEquals(exactUnsigned(bits), Dtype.unsignedToDouble(bits), Long.toUnsignedString(bits));
        }
    }

    @Test
    void f32EncodingRoundsToNearestAndF64IsExact() throws MalformedSafeTensorsException {
        double[] values = {0.1, 1 + 0x1p-24, 1 + 0x1p-24 + 0x1p-52, 1e39, -1e-46, Double.NaN, -0.0};
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        Dtype.F32.encode(values, 0, values.length, buffer);
        double[] decoded = new double[values.length];
        Dtype.F32.decode(buffer.flip(), decoded, 0, values.length);
        assertArrayEquals(new double[] {0.1f, 1.0, 1 + 0x1p-23, Double.POSITIVE_INFINITY, -0.0, Double.NaN, -0.0}, decoded);
        Dtype.F64.encode(values, 0, values.length, buffer.clear());
        Dtype.F64.decode(buffer.flip(), decoded, 0, values.length);
        assertArrayEquals(values, decoded);
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(Dtype.BF16, Dtype.forName("BF16"));
        assertNull(Dtype.forName("bf16"));
        assertNull(Dtype.forName("F8_E5M2"));
    }

    private static double smallFloat(int bits, int exponentBits, int fractionBits) {
        int sign = bits >>> (exponentBits + fractionBits) & 1;
        int exponent = bits >>> fractionBits & ((1 << exponentBits) - 1);
        int fraction = bits & ((1 << fractionBits) - 1);
        int bias = (1 << (exponentBits - 1)) - 1;
        double magnitude;
        if (exponent == (1 << exponentBits) - 1) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = Math.pow(2, 1 - bias) * fraction / (1 << fractionBits);
        } else {
            magnitude = Math.pow(2, exponent - bias) * (1 + (double) fraction / (1 << fractionBits));
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    private static double exactUnsigned(long bits) {
        return new BigDecimal(new BigInteger(Long.toUnsignedString(bits))).doubleValue();
    }
}
