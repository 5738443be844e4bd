package io.streamvane.model.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdentityTest {

    @Test
    void digestIsSha256OfTheKey() {
        EventIdentity identity = new EventIdentity("abc");

        assertThat(identity.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(identity.digest()).hasSize(32);
    }

    @Test
    void componentsContainingTheSeparatorCannotCollide() {
        EventIdentity split = EventIdentity.of(TopicKind.ACD_END, "a|b", "c");
        EventIdentity joined = EventIdentity.of(TopicKind.ACD_END, "a", "b|c");

        assertThat(split).isNotEqualTo(joined);
    }

    @Test
    void equalKeysAreEqualIdentities() {
        assertThat(new EventIdentity("k")).isEqualTo(new EventIdentity("k"));
    }
}
