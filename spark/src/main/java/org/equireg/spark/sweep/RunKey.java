package org.equireg.spark.sweep;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One run of a sweep: its settings and seed, and an id derived from both alone, so the same run
 * has the same id (and file) in every rerun of the sweep.
 *
 * @param id       16 hex digits of the SHA-256 of {@code settings.canonical() + ",seed=" + seed}
 * @param settings the configuration
 * @param seed     the seed
 */
public record RunKey(String id, Settings settings, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int ID_HEX_DIGITS = 16;

    /** The key of {@code settings} with {@code seed}. */
    public static RunKey of(Settings settings, long seed) {
        return new RunKey(idOf(settings, seed), settings, seed);
    }

    /** A short label for logs: the settings and the seed. */
    public String label() {
        return settings.canonical() + ",seed=" + seed;
    }

    private static String idOf(Settings settings, long seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((settings.canonical() + ",seed=" + seed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
