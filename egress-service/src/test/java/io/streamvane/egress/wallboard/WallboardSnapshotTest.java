package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.wallboard.WallboardSnapshot.Period;
import io.streamvane.egress.wallboard.WallboardSnapshot.Point;
import io.streamvane.egress.wallboard.WallboardSnapshot.Tile;
import io.streamvane.model.kpi.AlertLevel;
import io.streamvane.model.kpi.AlertThresholds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WallboardSnapshotTest {

    private static final Instant DAY = Instant.parse("2025-03-04T00:00:00Z");
    private static final Instant T = Instant.parse("2025-03-04T10:00:00Z");

    private static Tile tile(String queue, long waiting, long longestWait, Instant asOf, long offered) {
        Period p = new Period(T, T.plusSeconds(900), offered, 0, 0, null, null, null, null, false, 1);
        return new Tile(queue, queue, "voice", waiting, longestWait, 0, 2, 1, asOf, 0.8, 20, p, p,
                List.of(new Point(T, offered, 0, null, false)),
                WallboardSnapshot.Alerts.of(AlertThresholds.DEFAULTS, p, p, waiting, longestWait), "UTC", List.of());
    }

    private static WallboardSnapshot snapshot(long id, Instant newest, Tile... tiles) {
        return new WallboardSnapshot(id, T, DAY, newest, List.of(tiles), List.of(), List.of(), T, Map.of());
    }

    @Test
    void aLongestWaitThatOnlyGrowsWithTheClockIsNoChange() {
        // Under the 60 s warning level both times, so no level moves either.
        var before = snapshot(1, T, tile("q1", 2, 20, T, 5));
        var after = snapshot(2, T, tile("q1", 2, 50, T.plusSeconds(30), 5));

        assertThat(after.since(before)).isNull();
    }

    @Test
    void onlyChangedTilesAreSentAndVanishedOnesAreNamed() {
        var before = snapshot(1, T, tile("q1", 0, 0, T, 5), tile("q2", 0, 0, T, 1), tile("q3", 0, 0, T, 1));
        var after = snapshot(2, T, tile("q1", 0, 0, T, 6), tile("q2", 0, 0, T, 1));

        WallboardSnapshot.Update update = after.since(before);

        assertThat(update.tiles()).extracting(Tile::queueId).containsExactly("q1");
        assertThat(update.removed()).containsExactly("q3|voice");
        assertThat(update.id()).isEqualTo(2);
    }

    @Test
    void newerEventTimeAloneIsSentSoTheFreshnessMoves() {
        var before = snapshot(1, T, tile("q1", 0, 0, T, 5));
        var after = snapshot(2, T.plusSeconds(5), tile("q1", 0, 0, T, 5));

        assertThat(after.since(before).tiles()).isEmpty();
        assertThat(after.since(before).newestEventTime()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void aNewWaitingContactIsAChange() {
        var before = snapshot(1, T, tile("q1", 1, 40, T, 5));
        var after = snapshot(2, T, tile("q1", 2, 40, T, 5));

        assertThat(after.since(before).tiles()).hasSize(1);
    }

    @Test
    void aLongestWaitThatGrowsPastALevelIsAChange() {
        // 50 s, then 70 s: the same contact, but now over the 60 s warning level the tile must show.
        var before = snapshot(1, T, tile("q1", 2, 50, T, 5));
        var after = snapshot(2, T, tile("q1", 2, 70, T.plusSeconds(20), 5));

        assertThat(after.since(before).tiles()).singleElement()
                .satisfies(t -> assertThat(t.level()).isEqualTo(AlertLevel.WARNING));
    }
}
