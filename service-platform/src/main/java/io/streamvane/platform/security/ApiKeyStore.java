package io.streamvane.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted API keys, held only as SHA-256 hashes. A presented key is hashed and compared with every stored hash
 * in constant time, so neither the key nor timing reveals which stored key came close.
 */
public final class ApiKeyStore {

    /**
     * The shortest plain key accepted: 32 characters, 128 bits when drawn at random as hex ({@code openssl rand -hex
     * 16}) and more as base64. With at least {@link #MIN_DISTINCT_CHARACTERS} different characters, so a padded word
     * does not pass. A {@code key-hash} hides its key and is taken as given.
     */
    public static final int MIN_KEY_LENGTH = 32;
    public static final int MIN_DISTINCT_CHARACTERS = 10;

    private final List<StoredKey> keys;

    public ApiKeyStore(List<SecurityProperties.ApiKey> configured) {
        List<StoredKey> stored = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            stored.add(StoredKey.of(configured.get(i), i));
        }
        this.keys = List.copyOf(stored);
    }

    public int size() {
        return keys.size();
    }

    /** The key's owner if {@code presented} is an accepted key. */
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented.trim());
        StoredKey match = null;
        for (StoredKey k : keys) {
            // No early exit: every stored hash is compared whatever matched first.
            if (MessageDigest.isEqual(k.hash, hash) && match == null) {
                match = k;
            }
        }
        return Optional.ofNullable(match).map(k -> new ApiKeyPrincipal(k.name, k.scopes));
    }

    /** Hex SHA-256 of a key, the form {@code streamvane.security.api-keys[].key-hash} takes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key.trim()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Who presented a valid key: its configured name and granted scopes (implied ones included). */
    public record ApiKeyPrincipal(String name, Set<Scope> scopes) {

        @Override
        public String toString() {
            return "api-key:" + name;
        }
    }

    private record StoredKey(String name, byte[] hash, Set<Scope> scopes) {

        static StoredKey of(SecurityProperties.ApiKey k, int index) {
            String name = k.name() == null || k.name().isBlank() ? "key-" + index : k.name();
            boolean plain = k.key() != null && !k.key().isBlank();
            boolean hashed = k.keyHash() != null && !k.keyHash().isBlank();
            if (plain == hashed) {
                throw new IllegalArgumentException(
                        "streamvane.security.api-keys[" + index + "] (" + name + ") needs exactly one of key, key-hash");
            }
            byte[] hash;
            if (plain) {
                String key = k.key().trim();
                if (key.length() < MIN_KEY_LENGTH || key.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
                    throw new IllegalArgumentException("streamvane.security.api-keys[" + index + "] (" + name
                            + "): the key is too weak to guess at speed; use at least " + MIN_KEY_LENGTH
                            + " random characters (e.g. openssl rand -hex 24) or give its key-hash");
                }
                hash = sha256(key);
            } else {
                String hex = k.keyHash().trim().toLowerCase(Locale.ROOT);
                if (!hex.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("streamvane.security.api-keys[" + index + "] (" + name
                            + "): key-hash must be 64 hex digits (SHA-256)");
                }
                hash = HexFormat.of().parseHex(hex);
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String s : k.scopes()) {
                scopes.addAll(Scope.parse(s).orElseThrow(() -> new IllegalArgumentException(
                        "streamvane.security.api-keys[" + index + "] (" + name + "): unknown scope '" + s + "'"))
                        .implied());
            }
            return new StoredKey(name, hash, Set.copyOf(scopes));
        }
    }
}
