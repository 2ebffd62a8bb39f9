package org.subledger.platform.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void aReceiverVerifiesTheSignatureOfTheBodyAsSentAndNothingElse() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.header(secret, 1_700_000_000L, "{\"a\":1}");

        assertThat(header).startsWith("t=1700000000,v1=");
        assertThat(WebhookSignature.verify(secret, header, "{\"a\":1}")).isTrue();
        assertThat(WebhookSignature.verify(secret, header, "{\"a\":2}")).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), header, "{\"a\":1}")).isFalse();
        assertThat(WebhookSignature.verify(secret, header.replace("t=1700000000", "t=1700000001"), "{\"a\":1}"))
                .as("the timestamp is signed too").isFalse();
        assertThat(WebhookSignature.verify(secret, null, "{}")).isFalse();
        assertThat(WebhookSignature.verify(secret, "v1=abc", "{}")).isFalse();
    }

    @Test
    void secretsAreLongAndNeverRepeat() {
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").hasSizeGreaterThan(40)
                .isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void theBackOffDoublesUpToItsCeiling() {
        var properties = new WebhookProperties(null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(60),
                null);
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(50)).isEqualTo(Duration.ofSeconds(60));
    }
}
