package org.ecoledger.bench.data;

import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.TransitionCaseCommand;
import org.ecoledger.core.record.AccountabilityCaseId;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.CompleteDepartureAuditCommand;
import org.ecoledger.core.record.DecideAccountabilityCommand;
import org.ecoledger.core.record.ImposeOneVetoCommand;
import org.ecoledger.core.record.IssueSummonsCommand;
import org.ecoledger.core.record.LeavePostCommand;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.LetterId;
import org.ecoledger.core.record.ListSupervisionCommand;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.ProblemId;
import org.ecoledger.core.record.RecordAnnualAssessmentCommand;
import org.ecoledger.core.record.RecordLedInspectionCommand;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.ReferAccountabilityCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ReportGrassrootsDaysCommand;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.record.SignResponsibilityLetterCommand;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * 基准市 (the benchmark city): a deterministic history of a city's eco-environment accountability records, as the
 * ledger would have stored it, for filling stores of any size.
 *
 * <p>The city has counties, each with {@value #TOWNSHIPS_PER_COUNTY} townships (乡镇) of
 * {@value #VILLAGES_PER_TOWNSHIP} villages (村), one township per {@value #OFFICIALS_PER_TOWNSHIP} officials. Every
 * city, county and township has a party secretary, a government head and a deputy in charge; every village a
 * village secretary and a village director. Each post has had up to three holders in succession since 2010, each for
 * about {@value #TENURE_YEARS} years; each official's record holds exactly {@code eventsPerOfficial} entries:
 * registration, appointment, the duties of the tenure (meetings of the body that fits the post, led inspections,
 * grassroots days, responsibility letters, yearly assessments, now and then a summons, a listed problem, a
 * one-veto or an accountability case), leaving the post and the departure audit. Every township also has an
 * inspection case (督察交办件) assigned, rectified and closed.
 *
 * <p>The history is a list of {@link Step}s — the ledger's own commands, in the order they are stored: the places,
 * the cases, then the officials in blocks of {@value #BLOCK}, each block interleaving its officials (every official's
 * n-th entry before any (n+1)-th), so that a record's entries are spread over the log as they are in a ledger that
 * records many officials at once. Every prefix of the list is a consistent ledger. {@link BenchEvents} turns a step
 * into the event the command's handler applies; {@code BenchCityTest} sends the steps of a small city through the
 * real aggregates and checks that they accept every one and apply exactly those events.
 */
public final class BenchCity {

    public static final JurisdictionCode CITY = JurisdictionCode.of("139900000000");
    public static final int OFFICIALS_PER_TOWNSHIP = 50;
    public static final int VILLAGES_PER_TOWNSHIP = 10;
    public static final int TOWNSHIPS_PER_COUNTY = 20;
    public static final int TENURE_YEARS = 4;
    /** Officials whose entries are interleaved in the store. */
    public static final int BLOCK = 1_000;
    /** The fewest entries a record may have: registration, appointment, one duty, leaving and the audit. */
    public static final int MIN_EVENTS_PER_OFFICIAL = 5;
    public static final String RECORDED_BY = "bench";
    /** Officials outside the succession, for appends: see {@link #hotOfficials()}. */
    public static final int HOT_RECORDS = 100;

    static final LocalDate PLACES_FROM = LocalDate.of(1990, 1, 1);
    static final LocalDate FIRST_APPOINTMENT = LocalDate.of(2010, 1, 4);
    static final int MAX_HOLDERS = 3;

    static final String OFFICIAL_RECORD = "OfficialRecord";
    static final String JURISDICTION = "Jurisdiction";
    static final String CASE_FILE = "CaseFile";

    private static final List<String> TOPICS = List.of("研究部署大气污染防治重点工作", "听取中央环保督察反馈问题整改情况汇报",
                                                       "研究水污染防治和河长制工作", "部署秸秆禁烧和散煤治理",
                                                       "研究土壤污染防治和固体废物处置", "审议生态环境保护责任清单");

    /** A place of the city's tree. */
    public record Place(JurisdictionCode code, String name, JurisdictionLevel level, JurisdictionCode parent) {
    }

    /** A post of a place, with the body whose meetings it records (null at a village, which has none). */
    public record Post(PostId id, Place place, Role role, ResponsibilityKind kind, MeetingBody body) {
    }

    /** An official: the post held and the tenure ({@code leftOn} null while held). */
    public record Official(int index, OfficialId id, String name, Post post, LocalDate appointedOn,
                           LocalDate leftOn) {
    }

    /** One command of the history, to one aggregate at one sequence, in store order. */
    public record Step(String aggregateType, String aggregateId, long sequence, Object command) {
    }

    private final int officials;
    private final int eventsPerOfficial;
    private final List<Place> places = new ArrayList<>();
    private final List<Place> townships = new ArrayList<>();
    private final List<Place> villages = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<Step> preamble = new ArrayList<>();

    public BenchCity(int officials, int eventsPerOfficial) {
        if (officials < 1 || eventsPerOfficial < MIN_EVENTS_PER_OFFICIAL) {
            throw new IllegalArgumentException("a city needs officials and at least " + MIN_EVENTS_PER_OFFICIAL
                                                       + " events each");
        }
        this.officials = officials;
        this.eventsPerOfficial = eventsPerOfficial;
        int townshipCount = Math.max(1, officials / OFFICIALS_PER_TOWNSHIP);
        int countyCount = Math.max(1, (townshipCount + TOWNSHIPS_PER_COUNTY - 1) / TOWNSHIPS_PER_COUNTY);
        if (countyCount > 99) {
            throw new IllegalArgumentException("at most 99 counties: " + officials + " officials is too many");
        }
        Place city = new Place(CITY, "基准市", JurisdictionLevel.CITY, null);
        places.add(city);
        List<Place> counties = new ArrayList<>();
        for (int c = 1; c <= countyCount; c++) {
            Place county = new Place(JurisdictionCode.of(String.format(Locale.ROOT, "1399%02d000000", c)),
                                     "基准市第" + c + "县", JurisdictionLevel.COUNTY, CITY);
            counties.add(county);
            places.add(county);
        }
        for (int t = 0; t < townshipCount; t++) {
            Place county = counties.get(t / TOWNSHIPS_PER_COUNTY);
            int number = t % TOWNSHIPS_PER_COUNTY + 1;
            Place township = new Place(JurisdictionCode.of(county.code().value().substring(0, 6)
                                                                   + String.format(Locale.ROOT, "%03d000", number)),
                                       county.name() + "第" + number + "镇", JurisdictionLevel.TOWNSHIP,
                                       county.code());
            townships.add(township);
            places.add(township);
            for (int v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
                Place village = new Place(JurisdictionCode.of(township.code().value().substring(0, 9)
                                                                      + String.format(Locale.ROOT, "%03d", v)),
                                          township.name() + "第" + v + "村", JurisdictionLevel.VILLAGE,
                                          township.code());
                villages.add(village);
                places.add(village);
            }
        }
        // Posts that hold meetings first (the city's, the counties', the townships'), then the villages'.
        addLeadership(city, MeetingBody.STANDING_COMMITTEE, MeetingBody.GOVERNMENT_EXECUTIVE);
        counties.forEach(county -> addLeadership(county, MeetingBody.STANDING_COMMITTEE,
                                                 MeetingBody.GOVERNMENT_EXECUTIVE));
        townships.forEach(township -> addLeadership(township, MeetingBody.JOINT_MEETING, MeetingBody.JOINT_MEETING));
        for (Place village : villages) {
            posts.add(post(village, "secretary", Role.VILLAGE_SECRETARY, null));
            posts.add(post(village, "director", Role.VILLAGE_DIRECTOR, null));
        }
        if (holders() > MAX_HOLDERS) {
            throw new IllegalArgumentException(officials + " officials need more than " + MAX_HOLDERS
                                                       + " holders per post");
        }
        buildPreamble();
    }

    private void addLeadership(Place place, MeetingBody partyBody, MeetingBody governmentBody) {
        posts.add(post(place, "party-secretary", Role.PARTY_SECRETARY, partyBody));
        posts.add(post(place, "government-head", Role.GOVERNMENT_HEAD, governmentBody));
        posts.add(post(place, "deputy-in-charge", Role.DEPUTY_IN_CHARGE, partyBody));
    }

    private static Post post(Place place, String name, Role role, MeetingBody body) {
        ResponsibilityKind kind = role == Role.DEPUTY_IN_CHARGE ? ResponsibilityKind.IN_CHARGE
                : ResponsibilityKind.OVERALL;
        return new Post(PostId.of(place.code().value() + "-" + name), place, role, kind, body);
    }

    private int holders() {
        return (officials + posts.size() - 1) / posts.size();
    }

    private void buildPreamble() {
        for (Place place : places) {
            preamble.add(new Step(JURISDICTION, place.code().aggregateIdentifier(), 0,
                                  new RegisterJurisdictionCommand(place.code(), place.name(), place.level(),
                                                                  place.parent(), PLACES_FROM,
                                                                  "基准民发〔1990〕1号", RECORDED_BY)));
        }
        for (Official hot : hotOfficials()) {
            String id = hot.id().aggregateIdentifier();
            Post post = hot.post();
            preamble.add(new Step(OFFICIAL_RECORD, id, 0, new RegisterOfficialCommand(
                    hot.id(), hot.name(), hot.appointedOn().minusDays(7), null, RECORDED_BY)));
            preamble.add(new Step(OFFICIAL_RECORD, id, 1, new AppointOfficialCommand(
                    hot.id(), post.id(), post.place().code(), null, post.role(), post.kind(), hot.appointedOn(),
                    "基准组发〔2010〕" + (-hot.index()) + "号", RECORDED_BY)));
        }
        for (int t = 0; t < townships.size(); t++) {
            Place township = townships.get(t);
            CaseId caseId = CaseId.of("case-" + township.code().value());
            LocalDate assigned = LocalDate.of(2016, 7, 1).plusDays(t % 60);
            String id = caseId.aggregateIdentifier();
            preamble.add(new Step(CASE_FILE, id, 0, new AssignCaseCommand(
                    caseId, township.code(), CaseSource.CENTRAL, t % 2 == 0 ? CaseKind.PETITION
                    : CaseKind.FEEDBACK_ISSUE, "群众反映" + township.name() + "某企业夜间偷排废水", assigned,
                    "中央环保督察交办〔2016〕" + (t + 1) + "号", RECORDED_BY)));
            preamble.add(new Step(CASE_FILE, id, 1, new TransitionCaseCommand(
                    caseId, CaseStatus.RECTIFYING, assigned.plusDays(10), "责令停产整改", null, RECORDED_BY)));
            preamble.add(new Step(CASE_FILE, id, 2, new TransitionCaseCommand(
                    caseId, CaseStatus.RECTIFIED, assigned.plusDays(120), "整改完成，监测达标", null, RECORDED_BY)));
            preamble.add(new Step(CASE_FILE, id, 3, new TransitionCaseCommand(
                    caseId, CaseStatus.CLOSED, assigned.plusDays(150), "验收销号", null, RECORDED_BY)));
        }
    }

    public int officials() {
        return officials;
    }

    public int eventsPerOfficial() {
        return eventsPerOfficial;
    }

    /** Every event of the whole history. */
    public long totalEvents() {
        return preamble.size() + (long) officials * eventsPerOfficial;
    }

    public List<Place> places() {
        return List.copyOf(places);
    }

    public List<Place> villages() {
        return List.copyOf(villages);
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    // ------------------------------------------------------------------------------------------------ officials

    /** Official {@code index} (0-based): post {@code index mod posts}, holder number {@code index / posts}. */
    public Official official(int index) {
        if (index < 0 || index >= officials) {
            throw new IllegalArgumentException("no official " + index);
        }
        int postIndex = index % posts.size();
        int holder = index / posts.size();
        Post post = posts.get(postIndex);
        LocalDate appointed = appointment(postIndex, holder);
        LocalDate left = appointment(postIndex, holder + 1).minusDays(1);
        return new Official(index, OfficialId.of("bench-" + index), "基准干部" + index, post, appointed, left);
    }

    private static LocalDate appointment(int postIndex, int holder) {
        return FIRST_APPOINTMENT.plusYears((long) TENURE_YEARS * holder).plusDays(postIndex % 90);
    }

    /**
     * The hot records: {@value #HOT_RECORDS} officials outside the succession, each appointed in 2010 to a post that
     * holds meetings (the city's, a county's or a township's) and never leaving it, registered right after the
     * places. Benchmarks append to them; the history itself never does, so a store can be filled further after
     * appends.
     */
    public List<Official> hotOfficials() {
        List<Post> meetingPosts = posts.stream().filter(post -> post.body() != null).toList();
        List<Official> hot = new ArrayList<>(HOT_RECORDS);
        for (int n = 0; n < HOT_RECORDS; n++) {
            hot.add(new Official(-1 - n, OfficialId.of("bench-hot-" + n), "基准常任" + n,
                                 meetingPosts.get(n % meetingPosts.size()), FIRST_APPOINTMENT.plusDays(n), null));
        }
        return hot;
    }

    /** A date inside every hot official's tenure, for the {@code n}-th append to it. */
    public static LocalDate hotDate(long n) {
        return LocalDate.of(2011, 1, 3).plusDays(n % 3_000);
    }

    /** The steps of official {@code index}'s record, in sequence. */
    public List<Step> record(int index) {
        Official o = official(index);
        OfficialId id = o.id();
        Post post = o.post();
        String aggregateId = id.aggregateIdentifier();
        List<Object> commands = new ArrayList<>(eventsPerOfficial);
        commands.add(new RegisterOfficialCommand(id, o.name(), o.appointedOn().minusDays(7), null, RECORDED_BY));
        commands.add(new AppointOfficialCommand(id, post.id(), post.place().code(), null, post.role(), post.kind(),
                                                o.appointedOn(), document(o.appointedOn(), index), RECORDED_BY));
        int duties = eventsPerOfficial - 4;
        long span = ChronoUnit.DAYS.between(o.appointedOn(), o.leftOn());
        boolean vetoed = index % 50 == 7;
        boolean accountable = index % 100 == 3;
        Set<Integer> assessed = new HashSet<>();
        for (int k = 0; k < duties; k++) {
            LocalDate on = o.appointedOn().plusDays((k + 1) * span / (duties + 1));
            commands.add(duty(o, k, on, vetoed, accountable, assessed));
        }
        LeavingReason[] reasons = {LeavingReason.TRANSFER, LeavingReason.PROMOTION, LeavingReason.RETIREMENT};
        commands.add(new LeavePostCommand(id, post.id(), reasons[index % reasons.length], o.leftOn(),
                                          document(o.leftOn(), index), RECORDED_BY));
        commands.add(new CompleteDepartureAuditCommand(id, post.id(), "任期内履行生态环境保护职责基本到位",
                                                       List.of("大气污染防治任务完成", "个别整改事项推进较慢"),
                                                       o.leftOn().plusDays(60), "基准审发〔" + o.leftOn().getYear()
                                                               + "〕" + index + "号", RECORDED_BY));
        List<Step> steps = new ArrayList<>(commands.size());
        for (int seq = 0; seq < commands.size(); seq++) {
            steps.add(new Step(OFFICIAL_RECORD, aggregateId, seq, commands.get(seq)));
        }
        return steps;
    }

    private Object duty(Official o, int k, LocalDate on, boolean vetoed, boolean accountable,
                        Set<Integer> assessed) {
        OfficialId id = o.id();
        Post post = o.post();
        int mix = mix(o.index(), k);
        if (accountable && k == 20) {
            return new ReferAccountabilityCommand(id, AccountabilityCaseId.of("acc-" + o.index()),
                                                  "辖区内发生突发环境事件，处置不力", "市纪委监委", on,
                                                  document(on, o.index()), RECORDED_BY);
        }
        if (accountable && k == 30) {
            return new DecideAccountabilityCommand(id, AccountabilityCaseId.of("acc-" + o.index()),
                                                   AccountabilityOutcome.CIRCULATED_CRITICISM, on,
                                                   document(on, o.index()), RECORDED_BY);
        }
        if (vetoed && k == 12) {
            return new ImposeOneVetoCommand(id, on.getYear(), post.place().name(),
                                            OneVetoCapacity.DIRECTLY_RESPONSIBLE, "发生重大环境污染事件", on,
                                            document(on, o.index()), RECORDED_BY);
        }
        switch (k % 8) {
            case 2 -> {
                LocalDate end = on.minusDays(1);
                LocalDate start = end.minusDays(29);
                if (!start.isBefore(o.appointedOn())) {
                    return new ReportGrassrootsDaysCommand(id, post.id(), start, end, 5 + mix % 12, 21, on,
                                                           null, RECORDED_BY);
                }
            }
            case 4 -> {
                return new SignResponsibilityLetterCommand(id, on.getYear(), LetterId.of("letter-" + o.index()
                        + "-" + k), List.of("PM2.5年均浓度下降5%", "完成督察交办件整改销号"), on,
                        document(on, o.index()), RECORDED_BY);
            }
            case 5 -> {
                int year = on.getYear() - 1;
                if (year >= o.appointedOn().getYear() && assessed.add(year)) {
                    AssessmentGrade grade = mix % 20 == 0 ? AssessmentGrade.UNQUALIFIED
                            : mix % 5 == 0 && !vetoed ? AssessmentGrade.EXCELLENT : AssessmentGrade.QUALIFIED;
                    List<Integer> conditions = grade == AssessmentGrade.UNQUALIFIED ? List.of(1 + mix % 12)
                            : List.of();
                    return new RecordAnnualAssessmentCommand(id, year, grade, conditions, on,
                                                             "基准组发〔" + on.getYear() + "〕" + o.index() + "号",
                                                             RECORDED_BY);
                }
            }
            case 6 -> {
                if (mix % 10 == 0) {
                    return new IssueSummonsCommand(id, "市生态环境保护工作领导小组办公室", "空气质量排名连续下降",
                                                   on.plusDays(90), on, document(on, o.index()), RECORDED_BY);
                }
            }
            case 7 -> {
                if (mix % 4 == 0) {
                    return new ListSupervisionCommand(id, ProblemId.of("problem-" + o.index() + "-" + k),
                                                      post.place().code(), post.place().name() + "河道垃圾堆积问题",
                                                      on, document(on, o.index()), RECORDED_BY);
                }
            }
            default -> {
                // a meeting or an inspection, below
            }
        }
        if (post.body() != null && k % 2 == 0) {
            return new RecordMeetingCommand(id, post.id(), post.body(), topics(mix), on, document(on, o.index()),
                                            RECORDED_BY);
        }
        return new RecordLedInspectionCommand(id, post.id(), post.place().name() + "某工业园区",
                                              "检查企业" + (1 + mix % 9) + "家，发现问题" + mix % 4 + "个，已交办整改", on,
                                              null, RECORDED_BY);
    }

    /** The topics of a meeting: one or two. */
    public static List<String> topics(int mix) {
        String first = TOPICS.get(Math.floorMod(mix, TOPICS.size()));
        return mix % 3 == 0 ? List.of(first, TOPICS.get(Math.floorMod(mix + 1, TOPICS.size()))) : List.of(first);
    }

    private static String document(LocalDate on, int index) {
        return "基准环发〔" + on.getYear() + "〕" + index + "号";
    }

    private static int mix(int index, int k) {
        int h = index * 0x9E3779B1 + k * 0x85EBCA77;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h & 0x7fffffff;
    }

    // ---------------------------------------------------------------------------------------------- store order

    /** The steps in store order, from the first. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Walks the history in store order; remembers where it is, so a store can be filled in stages. */
    public final class Cursor {

        private long position;
        private int block = -1;
        private List<List<Step>> blockRecords = List.of();

        /** How many of the officials have at least their registration stored. */
        public int officialsStarted() {
            long inOfficials = position - preamble.size();
            if (inOfficials <= 0) {
                return 0;
            }
            long perBlock = (long) BLOCK * eventsPerOfficial;
            int blockIndex = (int) (inOfficials / perBlock);
            int blockSize = Math.min(BLOCK, officials - blockIndex * BLOCK);
            long inBlock = inOfficials - blockIndex * perBlock;
            return (int) Math.min(officials, (long) blockIndex * BLOCK + Math.min(blockSize, inBlock));
        }

        /** How many entries of official {@code index}'s record are stored. */
        public int storedEntries(int index) {
            long inOfficials = position - preamble.size();
            if (inOfficials <= 0 || index < 0 || index >= officials) {
                return 0;
            }
            long perBlock = (long) BLOCK * eventsPerOfficial;
            int officialBlock = index / BLOCK;
            long currentBlock = inOfficials / perBlock;
            if (officialBlock < currentBlock) {
                return eventsPerOfficial;
            }
            if (officialBlock > currentBlock) {
                return 0;
            }
            int blockSize = Math.min(BLOCK, officials - officialBlock * BLOCK);
            long inBlock = inOfficials - officialBlock * perBlock;
            int whole = (int) (inBlock / blockSize);
            int remainder = (int) (inBlock % blockSize);
            return whole + (index - officialBlock * BLOCK < remainder ? 1 : 0);
        }

        /** How many steps were taken. */
        public long position() {
            return position;
        }

        public boolean hasNext() {
            return position < totalEvents();
        }

        public Step next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long at = position++;
            if (at < preamble.size()) {
                return preamble.get((int) at);
            }
            long inOfficials = at - preamble.size();
            long perBlock = (long) BLOCK * eventsPerOfficial;
            int blockIndex = (int) (inOfficials / perBlock);
            if (blockIndex != block) {
                block = blockIndex;
                List<List<Step>> records = new ArrayList<>();
                for (int i = blockIndex * BLOCK; i < Math.min(officials, (blockIndex + 1) * BLOCK); i++) {
                    records.add(record(i));
                }
                blockRecords = records;
            }
            long inBlock = inOfficials - blockIndex * perBlock;
            int size = blockRecords.size();
            return blockRecords.get((int) (inBlock % size)).get((int) (inBlock / size));
        }
    }
}
