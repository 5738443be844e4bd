package io.streamvane.simulator.api;

/** One metric occurrence as Genesys would emit it: at the time it completes, with its dimensions. */
record Fact(long atMs, String metric, String queueId, String mediaType, String userId, long valueMs)
        implements Dimensioned {

    @Override
    public String dimension(String name) {
        return switch (name) {
            case "queueId" -> queueId;
            case "mediaType" -> mediaType;
            case "userId" -> userId;
            default -> null;
        };
    }
}
