package io.streamvane.simulator.events;

/**
 * Values of the AWS / Azure side that envelopes repeat. {@code source} is
 * {@code aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>} as the EventBridge integration builds it.
 */
public record EnvelopeSettings(String orgId, String eventSourceSuffix, String awsAccount, String awsRegion) {

    public static EnvelopeSettings defaults() {
        return new EnvelopeSettings("5b1e3f7a-8c2d-4e6f-9a0b-1c2d3e4f5a6b", "streamvane-sim", "123456789012",
                "eu-west-1");
    }

    public String eventBridgeSource() {
        return "aws.partner/genesys.com/cloud/" + orgId + "/" + eventSourceSuffix;
    }
}
