package io.streamvane.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactedUriTest {

    @Test
    void theQueryOfAFunctionKeyUrlIsReplacedAndSchemeHostPortAndPathStay() {
        assertThat(RedactedUri.of(URI.create("https://wfm.example.net:8443/api/intervals?code=s3cr3t&clientId=x")))
                .isEqualTo("https://wfm.example.net:8443/api/intervals?[redacted]");
    }

    @Test
    void userInfoAndFragmentAreReplaced() {
        assertThat(RedactedUri.of(URI.create("amqp://streamvane:pa55word@rabbit.internal:5672/%2F")))
                .isEqualTo("amqp://[redacted]@rabbit.internal:5672/%2F");
        assertThat(RedactedUri.of(URI.create("https://user@h.example/p#access_token=t0k")))
                .isEqualTo("https://[redacted]@h.example/p#[redacted]");
    }

    @Test
    void aUriWithoutCredentialsIsUnchanged() {
        assertThat(RedactedUri.of(URI.create("http://127.0.0.1:8080/wfm"))).isEqualTo("http://127.0.0.1:8080/wfm");
        assertThat(RedactedUri.of(URI.create("https://api.powerbi.com/v1.0/myorg")))
                .isEqualTo("https://api.powerbi.com/v1.0/myorg");
    }

    @Test
    void everyUriInAFreeTextIsRedactedAndTheRestKept() {
        assertThat(RedactedUri.in("token endpoint https://login.example/t?secret=s3cr3t answered 500; "
                + "broker amqp://u:p@rabbit:5672 down"))
                .isEqualTo("token endpoint https://login.example/t?[redacted] answered 500; "
                        + "broker amqp://[redacted]@rabbit:5672 down");
        assertThat(RedactedUri.in("no URI here: HTTP 503")).isEqualTo("no URI here: HTTP 503");
        assertThat(RedactedUri.in((String) null)).isNull();
    }

    @Test
    void anExceptionChainIsCopiedWithRedactedMessagesAndTheOriginalStack() {
        ConnectException cause = new ConnectException("refused by http://h:1/x?code=s3cr3t");
        IllegalStateException e = new IllegalStateException("calling http://h:1/x?code=s3cr3t failed", cause);

        Throwable copy = RedactedUri.in(e);

        assertThat(copy).hasMessage("java.lang.IllegalStateException: calling http://h:1/x?[redacted] failed");
        assertThat(copy.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(copy.getCause()).hasMessage("java.net.ConnectException: refused by http://h:1/x?[redacted]");
        assertThat(copy.getCause().getCause()).isNull();
    }
}
