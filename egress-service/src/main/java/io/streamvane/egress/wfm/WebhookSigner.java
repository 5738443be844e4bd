package io.streamvane.egress.wfm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 symmetric signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the secret's
 * base64 bytes after the {@code whsec_} prefix.
 */
public final class WebhookSigner {

    private final byte[] key;

    public WebhookSigner(String secret) {
        String b64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        this.key = Base64.getDecoder().decode(b64);
        if (key.length < 16) {
            throw new IllegalArgumentException("webhook signing secret too short: " + key.length + " bytes");
        }
    }

    public String sign(String id, long timestampSeconds, byte[] body) {
        if (id.contains(".")) {
            throw new IllegalArgumentException("webhook-id must not contain '.': " + id);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
