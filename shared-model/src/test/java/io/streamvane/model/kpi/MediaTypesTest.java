package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.mypurecloud.sdk.v2.model.AcdEndDetailEventTopicAcdEndEvent;
import com.mypurecloud.sdk.v2.model.AcdStartDetailEventTopicAcdStartEvent;
import com.mypurecloud.sdk.v2.model.AcwDetailEventTopicAfterCallWorkEvent;
import com.mypurecloud.sdk.v2.model.UserEndDetailEventTopicUserEndEvent;
import com.mypurecloud.sdk.v2.model.UserStartDetailEventTopicUserStartEvent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Ingress refuses media types outside {@link MediaTypes#KNOWN}: none Genesys' own SDK names may be among them. */
class MediaTypesTest {

    @Test
    void everyMediaTypeOfTheSdksDetailEventTopicsIsKnown() {
        List<String> sdk = Stream.of(AcdStartDetailEventTopicAcdStartEvent.MediaTypeEnum.values(),
                        AcdEndDetailEventTopicAcdEndEvent.MediaTypeEnum.values(),
                        UserStartDetailEventTopicUserStartEvent.MediaTypeEnum.values(),
                        UserEndDetailEventTopicUserEndEvent.MediaTypeEnum.values(),
                        AcwDetailEventTopicAfterCallWorkEvent.MediaTypeEnum.values())
                .flatMap(Arrays::stream).map(Object::toString)
                .filter(v -> !v.equalsIgnoreCase("OutdatedSdkVersion")).distinct().toList();

        assertThat(sdk).hasSizeGreaterThanOrEqualTo(9);
        assertThat(sdk).allSatisfy(v -> assertThat(MediaTypes.isKnown(v)).as(v).isTrue());
    }

    @Test
    void spellingsNormaliseBeforeTheyAreJudged() {
        assertThat(MediaTypes.isKnown(" Voice ")).isTrue();
        assertThat(MediaTypes.isKnown("call")).isTrue();
        assertThat(MediaTypes.isKnown("telepathy")).isFalse();
        assertThat(MediaTypes.isKnown(null)).isFalse();
    }
}
