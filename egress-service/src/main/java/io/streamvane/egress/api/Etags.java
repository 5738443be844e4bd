package io.streamvane.egress.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Weak ETags from the content of a response (rows are records, so their text names every value including revision
 * and finality): a poller sending If-None-Match gets 304 until any row, its settings or its page changes.
 */
final class Etags {

    private Etags() {
    }

    static String of(Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(content).getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
