package dev.ponder.server.auth;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.config.KeyConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured keys, held only as SHA-256 hashes: a presented secret is hashed and looked up, so the secrets never
 * sit in memory or in the config file. With no keys configured every caller is anonymous.
 */
public final class KeyRing {
    private final Map<String, KeyConfig> byHash = new HashMap<>();

    public KeyRing(List<KeyConfig> keys) {
        for (KeyConfig k : keys) {
            if (byHash.putIfAbsent(k.sha256(), k) != null) throw PonderException.invalid("two keys have the same sha256 (key %s)", k.id());
        }
    }

    public boolean open() { return byHash.isEmpty(); }

    /** The caller for an {@code Authorization} header value; 401 naming what is wrong. */
    public Caller authenticate(Optional<String> authorization) {
        if (open()) return Caller.ANONYMOUS;
        String h = authorization.orElseThrow(() -> unauthorized("missing API key: send the header Authorization: Bearer YOUR_KEY"));
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7) || h.substring(7).isBlank()) {
            throw unauthorized("the Authorization header must be \"Bearer YOUR_KEY\"");
        }
        String hash = KeyConfig.hash(h.substring(7).strip());
        KeyConfig k = byHash.get(hash);
        // constant-time compare of the hash found, so timing does not reveal near misses
        if (k == null || !MessageDigest.isEqual(k.sha256().getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("invalid API key: no configured key has this key's SHA-256");
        }
        return new Caller(k.id(), Optional.of(k));
    }

    private static ApiFailure unauthorized(String message) {
        return ApiFailure.of(PonderException.Kind.UNAUTHORIZED, "invalid_api_key", message);
    }
}
