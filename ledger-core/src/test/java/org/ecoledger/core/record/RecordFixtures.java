package org.ecoledger.core.record;

import static org.ecoledger.core.rules.TestCalendars.RECORDER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.ReferenceFixtures;

/** One official, the posts they hold in tests, and builders for the events of their history. */
final class RecordFixtures {

    static final OfficialId OFFICIAL = OfficialId.of("official-0001");
    /** recordedAt of the given (earlier) events. */
    static final Instant EARLIER = Instant.parse("2019-01-02T03:04:05Z");
    static final PostId POST = PostId.of("qhd-city-party-secretary");
    static final PostId OTHER_POST = PostId.of("qhd-city-eco-bureau-head");
    static final LocalDate APPOINTED_ON = LocalDate.of(2016, 5, 1);

    private RecordFixtures() {
    }

    static OfficialRegisteredEvent registered() {
        return new OfficialRegisteredEvent(OFFICIAL, "张三", LocalDate.of(2019, 1, 2), null, RECORDER, EARLIER);
    }

    /** The registration followed by these events: the given history of a test. */
    static Object[] history(Object... events) {
        List<Object> all = new ArrayList<>();
        all.add(registered());
        all.addAll(Arrays.asList(events));
        return all.toArray();
    }

    static OfficialAppointedEvent appointed(PostId post, JurisdictionCode place, Role role, LocalDate on) {
        return new OfficialAppointedEvent(OFFICIAL, post, place, null, role,
                AppointmentPolicy.RESPONSIBILITY_OF_ROLE.get(role), on, "秦干字〔2016〕1号", RECORDER, EARLIER);
    }

    static OfficialAppointedEvent appointed(PostId post, DepartmentCode department, Role role, LocalDate on) {
        return new OfficialAppointedEvent(OFFICIAL, post, null, department, role,
                AppointmentPolicy.RESPONSIBILITY_OF_ROLE.get(role), on, null, RECORDER, EARLIER);
    }

    /** The city party secretary's post, from {@link #APPOINTED_ON}. */
    static OfficialAppointedEvent citySecretary() {
        return appointed(POST, ReferenceFixtures.CITY, Role.PARTY_SECRETARY, APPOINTED_ON);
    }

    static PostLeftEvent left(PostId post, LocalDate on, LeavingReason reason) {
        return new PostLeftEvent(OFFICIAL, post, reason, on, null, RECORDER, EARLIER);
    }

    static MeetingHeldEvent meeting(LocalDate on) {
        return new MeetingHeldEvent(OFFICIAL, POST, MeetingBody.STANDING_COMMITTEE, List.of("大气污染防治"), on, null,
                RECORDER, EARLIER);
    }
}
