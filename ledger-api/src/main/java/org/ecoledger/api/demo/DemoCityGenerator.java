package org.ecoledger.api.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

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
import org.ecoledger.core.record.CorrectEntryCommand;
import org.ecoledger.core.record.DecideAccountabilityCommand;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.ImposeOneVetoCommand;
import org.ecoledger.core.record.IssueSummonsCommand;
import org.ecoledger.core.record.LeavePostCommand;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.LetterId;
import org.ecoledger.core.record.ListSupervisionCommand;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.OpenLifetimeAccountabilityCommand;
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
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.MoveJurisdictionCommand;
import org.ecoledger.core.reference.RegisterDepartmentCommand;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.reference.RenameDepartmentCommand;
import org.ecoledger.core.reference.RenameJurisdictionCommand;
import org.ecoledger.core.rules.ruleset.Applicability;
import org.ecoledger.core.rules.ruleset.Duty;
import org.ecoledger.core.rules.ruleset.DutyPeriod;
import org.ecoledger.core.rules.ruleset.DutyRule;
import org.ecoledger.core.rules.ruleset.PostKind;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 示例市 (the demo city): a deterministic generator of a fictional city's places, departments, officials and their
 * records from 2016 to 2019, as the commands a recorder would send.
 *
 * <p>The city has counties (县、区), townships (镇、乡、街道) and villages (村、社区) with 12-digit codes in the shape of
 * the statistical division codes under a fictional prefix {@value #CITY_CODE}, departments at the city, county and
 * township levels, and posts for each: party secretary and government head, a deputy in charge of the
 * eco-environment and other members at the city, counties and townships, department heads and deputies, village
 * secretaries and directors. The posts are staffed when the ledger opens ({@value #LEDGER_OPENED_TEXT}) and change
 * hands over the four years: transfers, promotions (a deputy to principal, a township principal up to the county),
 * retirements, and the villages' 2018 elections (村两委换届, with some secretaries elected director as well).
 *
 * <p>Duties come from the rule set in force (QHD-2018: meetings, led inspections, dispatch meetings, grassroots days),
 * period by period over each tenure: most officials meet every minimum; about one in seven lapses now and then, and
 * those lapses have consequences (a summons, a lower assessment). Around that: yearly responsibility letters (000),
 * annual assessments, departure audits when principals leave (002), listed supervision (003 Art. 15), inspection
 * cases from a central inspection assigned and closed at the seed's proportion (002: 881 assigned, 873 closed,
 * scaled to the city's size), accountability referred from some of those cases, and the named scenarios of the read
 * views ({@link DemoScenario}).
 *
 * <p>Everything is drawn from one seed ({@link DemoRandom}); no clock is read. Every date lies in 2016–2019, except
 * the appointments of the officials already in post when the ledger opened, which keep their real (earlier) dates.
 */
public final class DemoCityGenerator {

    /** Who records the demo city's entries. */
    public static final String RECORDED_BY = "demo";
    public static final String CITY_CODE = "139900000000";
    public static final String CITY_NAME = "示例市";
    private static final String CODE_PREFIX = "1399";
    private static final String LEDGER_OPENED_TEXT = "2016-01-04";
    /** The day the ledger opened: officials in post then have their records opened on it. */
    static final LocalDate LEDGER_OPENED = LocalDate.parse(LEDGER_OPENED_TEXT);
    static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2019, 12, 31);
    private static final LocalDate PLACES_VALID_FROM = LocalDate.of(1990, 1, 1);
    private static final LocalDate REFORM_CITY = LocalDate.of(2019, 1, 16);
    private static final LocalDate REFORM_COUNTY = LocalDate.of(2019, 3, 1);
    private static final Map<Integer, LocalDate> CITY_LETTER_DAYS = Map.of(2016, LocalDate.of(2016, 5, 24),
            2017, LocalDate.of(2017, 3, 16), 2018, LocalDate.of(2018, 3, 21), 2019, LocalDate.of(2019, 3, 14));
    private static final LocalDate CENTRAL_INSPECTION_FROM = LocalDate.of(2017, 8, 10);
    private static final LocalDate CENTRAL_INSPECTION_TO = LocalDate.of(2017, 9, 10);
    /** 002: the date Yantai reported 873 of its 881 cases closed. */
    private static final LocalDate CASES_REPORTED = LocalDate.of(2018, 10, 31);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The seed's proportions (002). */
    static final int SEED_CASES_ASSIGNED = 881;
    static final int SEED_CASES_CLOSED = 873;
    static final int SEED_FEEDBACK_ISSUES = 27;

    private final DemoCitySize size;
    private final RuleSets ruleSets;
    private final DemoRandom placesRandom;
    private final DemoRandom careersRandom;
    private final DemoRandom entriesRandom;
    private final DemoNames names;

    private final List<Place> places = new ArrayList<>();
    private final List<Dept> depts = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, Post> postsById = new HashMap<>();
    private final List<Official> officials = new ArrayList<>();
    private final List<CaseDraft> cases = new ArrayList<>();
    private final List<DemoScenario> scenarios = new ArrayList<>();
    private final Map<String, Integer> documentNumbers = new HashMap<>();
    private final Map<String, LocalDate> meetingDays = new HashMap<>();
    private final Map<String, Integer> memberPosts = new HashMap<>();
    private final Map<String, LocalDate> letterDays = new HashMap<>();
    private int accountabilityCases;
    private Place city;

    private DemoCityGenerator(DemoCitySize size, RuleSets ruleSets) {
        this.size = size;
        this.ruleSets = ruleSets;
        // Separate streams, so that the people and places drawn first (the city, the first county and its first
        // townships, where the scenarios are) come out the same whatever the sizes.
        this.names = new DemoNames(new DemoRandom(size.seed() * 31 + 1));
        this.placesRandom = new DemoRandom(size.seed() * 31 + 2);
        this.careersRandom = new DemoRandom(size.seed() * 31 + 3);
        this.entriesRandom = new DemoRandom(size.seed() * 31 + 4);
    }

    /** The demo city of {@code size}, its duties judged by {@code ruleSets}. */
    public static DemoCity generate(DemoCitySize size, RuleSets ruleSets) {
        return new DemoCityGenerator(size, ruleSets).generate();
    }

    private DemoCity generate() {
        buildPlaces();
        buildPosts();
        staff();
        writeScenarios();
        writeDuties();
        writeLetters();
        writeDeputiesAndVillages();
        writeCases();
        writeListedSupervision();
        writeLapses();
        writeAssessments();
        writeDepartureAudits();
        return assemble();
    }

    // ================================================================================================= places

    private void buildPlaces() {
        city = new Place(CITY_CODE, CITY_NAME, "", JurisdictionLevel.CITY, null, "示");
        places.add(city);
        for (DeptType type : DeptType.CITY) {
            addDept(city, type);
        }
        for (int c = 1; c <= size.counties(); c++) {
            boolean district = c <= DemoNames.DISTRICTS;
            String stem = c <= DemoNames.COUNTIES.size() ? DemoNames.COUNTIES.get(c - 1) : "第" + c;
            String code = CODE_PREFIX + String.format("%02d", c) + "000000";
            Place county = new Place(code, stem, district ? "区" : "县", JurisdictionLevel.COUNTY, city,
                    stem.substring(0, 1));
            places.add(county);
            for (DeptType type : DeptType.COUNTY) {
                addDept(county, type);
            }
            List<String> stems = names.distinct(DemoNames.TOWNSHIP_STEMS, size.townshipsPerCounty());
            int streets = 0;
            int towns = 0;
            int xiang = 0;
            List<Place> townships = new ArrayList<>();
            for (int t = 0; t < size.townshipsPerCounty(); t++) {
                double kind = placesRandom.unit();
                String suffix;
                int number;
                if (district && kind < 0.4) {
                    suffix = "街道";
                    number = 1 + streets++;
                } else if (!district && kind < 0.22) {
                    suffix = "乡";
                    number = 200 + xiang++;
                } else {
                    suffix = "镇";
                    number = 100 + towns++;
                }
                String townshipCode = CODE_PREFIX + String.format("%02d%03d000", c, number);
                Place township = new Place(townshipCode, stems.get(t), suffix, JurisdictionLevel.TOWNSHIP, county,
                        stems.get(t).substring(0, 1));
                townships.add(township);
            }
            for (Place township : townships) {
                places.add(township);
                addDept(township, DeptType.STATION);
                boolean street = township.suffix.equals("街道");
                List<String> villageStems = names.distinct(DemoNames.VILLAGE_STEMS, size.villagesPerTownship());
                for (int v = 0; v < size.villagesPerTownship(); v++) {
                    String villageCode = township.code.substring(0, 9)
                                         + String.format("%03d", street ? 1 + v : 200 + v);
                    places.add(new Place(villageCode, villageStems.get(v), street ? "社区" : "村",
                            JurisdictionLevel.VILLAGE, township, villageStems.get(v).substring(0, 1)));
                }
            }
        }
        // 撤乡设镇: the first 乡 of the first county that has one becomes a 镇 in 2017.
        places.stream().filter(p -> p.level == JurisdictionLevel.TOWNSHIP && p.suffix.equals("乡")).findFirst()
              .ifPresent(p -> {
                  p.renamedSuffix = "镇";
                  p.renamedOn = LocalDate.of(2017, 6, 20);
              });
        // 区划调整: the last village of the first township is moved to the second township in mid-2019.
        Place first = townships(county(1)).get(0);
        Place second = townships(county(1)).get(1);
        if (first.children.size() >= 2) {
            Place moved = first.children.get(first.children.size() - 1);
            moved.movedTo = second;
            moved.movedOn = LocalDate.of(2019, 7, 1);
            second.movedIn.add(moved);
        }
    }

    private void addDept(Place place, DeptType type) {
        String code = place.code + "-" + type.slug;
        String prefix = place.name();
        LocalDate renamedOn = type.renamed == null ? null
                : place.level == JurisdictionLevel.CITY ? REFORM_CITY : REFORM_COUNTY;
        String renamed = type.renamed == null ? null
                : prefix + (place.level == JurisdictionLevel.COUNTY && type.countyRenamed != null
                        ? type.countyRenamed : type.renamed);
        Dept dept = new Dept(code, prefix + type.name, renamed, renamedOn, place, type);
        place.depts.add(dept);
        depts.add(dept);
    }

    private Place county(int number) {
        return city.children.get(number - 1);
    }

    private static List<Place> townships(Place county) {
        return county.children;
    }

    // ================================================================================================= posts

    private void buildPosts() {
        jurisdictionPosts(city);
        for (Dept dept : city.depts) {
            deptPosts(dept);
        }
        for (Place county : city.children) {
            jurisdictionPosts(county);
            for (Dept dept : county.depts) {
                deptPosts(dept);
            }
            for (Place township : county.children) {
                jurisdictionPosts(township);
                for (Dept dept : township.depts) {
                    deptPosts(dept);
                }
            }
            for (Place township : county.children) {
                for (Place village : township.children) {
                    addPost(village.code + "-secretary", village, null, Role.VILLAGE_SECRETARY, PostClass.VILLAGE,
                            village.name() + "党支部书记");
                    addPost(village.code + "-director", village, null, Role.VILLAGE_DIRECTOR, PostClass.VILLAGE,
                            village.name() + (village.suffix.equals("社区") ? "居委会主任" : "村委会主任"));
                }
            }
        }
    }

    private void jurisdictionPosts(Place place) {
        String n = place.name();
        switch (place.level) {
            case CITY -> {
                addPost(place.code + "-party-secretary", place, null, Role.PARTY_SECRETARY, PostClass.PRINCIPAL,
                        n + "委书记");
                addPost(place.code + "-government-head", place, null, Role.GOVERNMENT_HEAD, PostClass.PRINCIPAL,
                        n + "长");
                addPost(place.code + "-deputy-eco", place, null, Role.DEPUTY_IN_CHARGE, PostClass.DEPUTY,
                        n + "分管生态环境副市长");
                addPost(place.code + "-deputy-secretary", place, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                        n + "委副书记");
                addPost(place.code + "-executive-deputy", place, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                        n + "常务副市长");
                addPost(place.code + "-secretary-general", place, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                        n + "委常委、秘书长");
            }
            case COUNTY -> {
                String head = place.suffix;
                addPost(place.code + "-party-secretary", place, null, Role.PARTY_SECRETARY, PostClass.PRINCIPAL,
                        n + "委书记");
                addPost(place.code + "-government-head", place, null, Role.GOVERNMENT_HEAD, PostClass.PRINCIPAL,
                        n + head + "长");
                addPost(place.code + "-deputy-eco", place, null, Role.DEPUTY_IN_CHARGE, PostClass.DEPUTY,
                        n + "分管生态环境副" + head + "长");
                addPost(place.code + "-deputy-secretary", place, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                        n + "委副书记");
                addPost(place.code + "-executive-deputy", place, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                        n + "常务副" + head + "长");
            }
            case TOWNSHIP -> {
                boolean street = place.suffix.equals("街道");
                addPost(place.code + "-party-secretary", place, null, Role.PARTY_SECRETARY, PostClass.PRINCIPAL,
                        n + (street ? "党工委书记" : "党委书记"));
                addPost(place.code + "-government-head", place, null, Role.GOVERNMENT_HEAD, PostClass.PRINCIPAL,
                        n + (street ? "办事处主任" : place.suffix + "长"));
                addPost(place.code + "-deputy-eco", place, null, Role.DEPUTY_IN_CHARGE, PostClass.DEPUTY,
                        n + (street ? "分管生态环境副主任" : "分管生态环境副" + place.suffix + "长"));
                addPost(place.code + "-deputy-secretary", place, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                        n + (street ? "党工委副书记" : "党委副书记"));
            }
            default -> throw new IllegalStateException("no jurisdiction posts at " + place.level);
        }
    }

    private void deptPosts(Dept dept) {
        boolean station = dept.type == DeptType.STATION;
        String head = dept.type.headTitle;
        addPost(dept.code + "-head", null, dept, Role.DEPARTMENT_HEAD,
                station ? PostClass.STATION : PostClass.DEPT_HEAD, dept.name + head);
        if (!station) {
            for (int i = 1; i <= 2; i++) {
                addPost(dept.code + "-deputy-" + i, null, dept, Role.DEPARTMENT_DEPUTY, PostClass.DEPT_DEPUTY,
                        dept.name + "副" + head);
            }
        }
    }

    private Post addPost(String id, Place place, Dept dept, Role role, PostClass postClass, String title) {
        Post post = new Post(posts.size(), PostId.of(id), place, dept, role, kindOf(role), postClass, title);
        posts.add(post);
        postsById.put(id, post);
        return post;
    }

    static ResponsibilityKind kindOf(Role role) {
        return switch (role) {
            case PARTY_SECRETARY, GOVERNMENT_HEAD, VILLAGE_SECRETARY, VILLAGE_DIRECTOR -> ResponsibilityKind.OVERALL;
            case DEPUTY_IN_CHARGE, OTHER_MEMBER -> ResponsibilityKind.IN_CHARGE;
            case DEPARTMENT_HEAD -> ResponsibilityKind.MAIN;
            case DEPARTMENT_DEPUTY -> ResponsibilityKind.DIRECT;
        };
    }

    private Post post(String id) {
        Post post = postsById.get(id);
        if (post == null) {
            throw new IllegalStateException("no post " + id);
        }
        return post;
    }

    // ================================================================================================= staffing

    /** The scenario officials' posts, staffed by hand before anything random. */
    private final class Cast {
        final Post countySecretary = post(county(1).code + "-party-secretary");
        final Post cityDeputyEco = post(CITY_CODE + "-deputy-eco");
        final Post countyHead = post(county(1).code + "-government-head");
        final Post countyEcoHead = post(county(1).depts.get(0).code + "-head");
        final Post cityHousingHead = post(city.depts.stream().filter(d -> d.type == DeptType.HOUSING).findFirst()
                                               .orElseThrow().code + "-head");
        final Place township1 = townships(county(1)).get(0);
        final Place township2 = townships(county(1)).get(1);
        final Post township1Secretary = post(township1.code + "-party-secretary");
        final Post township1Head = post(township1.code + "-government-head");
        final Post township2Secretary = post(township2.code + "-party-secretary");
        final Post township2Head = post(township2.code + "-government-head");
        final Post township2Deputy = post(township2.code + "-deputy-eco");

        List<Post> all() {
            return List.of(cityDeputyEco, cityHousingHead, countySecretary, countyHead, countyEcoHead,
                    township1Secretary, township1Head, township2Secretary, township2Head, township2Deputy);
        }
    }

    private Cast cast;

    private void staff() {
        cast = new Cast();
        cast.all().forEach(post -> post.pinned = true);
        // Everyone in post when the ledger opened, in the order of the posts (so the first officials, the city's and
        // the first county's, keep their ids and names whatever the sizes).
        Map<Post, LocalDate> pinnedFrom = new LinkedHashMap<>();
        pinnedFrom.put(cast.cityDeputyEco, LocalDate.of(2013, 3, 25));
        pinnedFrom.put(cast.cityHousingHead, LocalDate.of(2014, 9, 1));
        pinnedFrom.put(cast.countySecretary, LocalDate.of(2015, 4, 20));
        pinnedFrom.put(cast.countyHead, LocalDate.of(2014, 11, 3));
        pinnedFrom.put(cast.countyEcoHead, LocalDate.of(2015, 7, 6));
        pinnedFrom.put(cast.township1Secretary, LocalDate.of(2015, 9, 14));
        pinnedFrom.put(cast.township1Head, LocalDate.of(2013, 6, 3));
        pinnedFrom.put(cast.township2Secretary, LocalDate.of(2014, 12, 8));
        pinnedFrom.put(cast.township2Head, LocalDate.of(2015, 6, 15));
        pinnedFrom.put(cast.township2Deputy, LocalDate.of(2015, 3, 2));
        Map<Place, LocalDate> elections2015 = new HashMap<>();
        for (Post post : posts) {
            LocalDate from;
            if (pinnedFrom.containsKey(post)) {
                from = pinnedFrom.get(post);
            } else if (post.postClass == PostClass.VILLAGE) {
                Place township = post.place.parent;
                from = elections2015.computeIfAbsent(township, t -> careersRandom.weekday(LocalDate.of(2015, 1, 5),
                        LocalDate.of(2015, 3, 31)));
            } else {
                from = careersRandom.weekday(LocalDate.of(2011, 1, 3), LocalDate.of(2015, 12, 18));
            }
            Official official = newOfficial(LEDGER_OPENED);
            appoint(official, post, from);
        }
        // The scenarios' turns.
        Official promoted = cast.countySecretary.current().official;
        leave(cast.cityDeputyEco.current(), LocalDate.of(2018, 2, 27), LeavingReason.TRANSFER);
        leave(cast.countySecretary.current(), LocalDate.of(2018, 2, 28), LeavingReason.PROMOTION);
        appoint(promoted, cast.cityDeputyEco, LocalDate.of(2018, 3, 1));
        appoint(newOfficial(LocalDate.of(2018, 3, 1)), cast.countySecretary, LocalDate.of(2018, 3, 1));
        leave(cast.township1Head.current(), LocalDate.of(2019, 3, 31), LeavingReason.RETIREMENT);
        appoint(newOfficial(LocalDate.of(2019, 4, 1)), cast.township1Head, LocalDate.of(2019, 4, 1));
        leave(cast.cityHousingHead.current(), LocalDate.of(2019, 3, 15), LeavingReason.TRANSFER);
        appoint(newOfficial(LocalDate.of(2019, 3, 18)), cast.cityHousingHead, LocalDate.of(2019, 3, 18));
        turnover();
        villageTurnover();
        for (Post post : cast.all()) {
            post.tenures.forEach(tenure -> tenure.official.explicitMisses = Set.of());
        }
    }

    private Official newOfficial(LocalDate registeredOn) {
        Official official = new Official(String.format("demo-%05d", officials.size() + 1),
                names.person(careersRandom.chance(0.24)), registeredOn);
        official.lapsed = careersRandom.chance(0.14);
        officials.add(official);
        return official;
    }

    private Tenure appoint(Official official, Post post, LocalDate from) {
        Tenure tenure = new Tenure(official, post, from);
        tenure.document = document(appointingBody(post), from.getYear());
        post.tenures.add(tenure);
        official.tenures.add(tenure);
        return tenure;
    }

    private void leave(Tenure tenure, LocalDate on, LeavingReason reason) {
        tenure.to = on;
        tenure.reason = reason;
        tenure.leavingDocument = document(appointingBody(tenure.post), on.getYear());
    }

    /** 组织部 (or, for villages, the township's party committee) that issues the appointment. */
    private String appointingBody(Post post) {
        Place place = post.jurisdiction();
        return switch (place.level) {
            case CITY -> "示组干";
            case COUNTY -> place.abbr + "组干";
            case TOWNSHIP -> place.parent.abbr + "组干";
            case VILLAGE -> place.parent.name() + "党委";
        };
    }

    private String document(String issuer, int year) {
        int number = documentNumbers.merge(issuer + year, 1, Integer::sum);
        return issuer + "〔" + year + "〕" + number + "号";
    }

    /** Departures and successions of every post but the villages' and the scenarios', in date order. */
    private void turnover() {
        PriorityQueue<Departure> queue = new PriorityQueue<>(
                Comparator.comparing(Departure::on).thenComparingInt(d -> d.tenure().post.order));
        for (Post post : List.copyOf(posts)) {
            if (!post.pinned && post.postClass != PostClass.VILLAGE) {
                schedule(queue, post.current(), LEDGER_OPENED);
            }
        }
        while (!queue.isEmpty()) {
            Departure departure = queue.poll();
            Tenure tenure = departure.tenure();
            if (tenure.to != null) {
                continue; // the official moved up inside the jurisdiction meanwhile
            }
            LeavingReason reason = reasonFor(tenure.post.postClass);
            leave(tenure, departure.on(), reason);
            LocalDate next = departure.on().plusDays(1);
            if (reason == LeavingReason.PROMOTION) {
                promoteUpwards(queue, tenure, next);
            }
            fill(queue, tenure.post, next);
        }
    }

    private void schedule(PriorityQueue<Departure> queue, Tenure tenure, LocalDate notBefore) {
        double rate = tenure.post.postClass.rate(tenure.post.jurisdiction().level);
        double years = -Math.log(1 - careersRandom.unit()) / rate;
        LocalDate start = tenure.from.isAfter(notBefore) ? tenure.from : notBefore;
        LocalDate on = start.plusDays(Math.max(120, Math.round(years * 365.25)));
        while (!DemoRandom.isWeekday(on)) {
            on = on.plusDays(1);
        }
        if (on.isBefore(LAST_DAY.minusDays(10))) {
            queue.add(new Departure(on, tenure));
        }
    }

    private LeavingReason reasonFor(PostClass postClass) {
        double draw = careersRandom.unit();
        return switch (postClass) {
            case PRINCIPAL, DEPUTY -> draw < 0.47 ? LeavingReason.TRANSFER : draw < 0.80 ? LeavingReason.PROMOTION
                    : draw < 0.97 ? LeavingReason.RETIREMENT : LeavingReason.OTHER;
            case DEPT_HEAD, DEPT_DEPUTY, STATION -> draw < 0.55 ? LeavingReason.TRANSFER
                    : draw < 0.75 ? LeavingReason.PROMOTION : draw < 0.97 ? LeavingReason.RETIREMENT
                    : LeavingReason.OTHER;
            case VILLAGE -> draw < 0.6 ? LeavingReason.RETIREMENT : LeavingReason.OTHER;
        };
    }

    /**
     * A promotion out of a post takes the official one level up, to a new member's post of the county (from a
     * township or a county department) or of the city (from a county or a city department); from the city, and
     * from a department deputy's post, it leads out of the ledger's scope.
     */
    private void promoteUpwards(PriorityQueue<Departure> queue, Tenure left, LocalDate from) {
        Post post = left.post;
        Place target;
        if (post.postClass == PostClass.PRINCIPAL || post.postClass == PostClass.DEPUTY) {
            target = post.place.parent;
        } else if (post.postClass == PostClass.DEPT_HEAD) {
            target = post.dept.place;
        } else {
            target = null;
        }
        if (target == null) {
            return;
        }
        int number = memberPosts.merge(target.code, 1, Integer::sum);
        String title = switch (target.level) {
            case CITY -> target.name() + "副市长";
            case COUNTY -> target.name() + "副" + target.suffix + "长";
            default -> target.name() + "副职";
        };
        Post member = addPost(target.code + "-member-" + number, target, null, Role.OTHER_MEMBER, PostClass.DEPUTY,
                title);
        Tenure tenure = appoint(left.official, member, from);
        schedule(queue, tenure, from);
    }

    /** The successor: a deputy or head of the same place moved up (whose own post is then filled), or a newcomer. */
    private void fill(PriorityQueue<Departure> queue, Post post, LocalDate from) {
        Tenure candidate = internalCandidate(post, from);
        Official successor;
        if (candidate != null) {
            leave(candidate, from.minusDays(1), LeavingReason.PROMOTION);
            successor = candidate.official;
        } else {
            successor = newOfficial(from);
        }
        Tenure tenure = appoint(successor, post, from);
        schedule(queue, tenure, from);
        if (candidate != null) {
            fill(queue, candidate.post, from);
        }
    }

    private Tenure internalCandidate(Post post, LocalDate from) {
        Role source;
        double chance;
        List<Post> pool;
        if (post.postClass == PostClass.PRINCIPAL && post.role == Role.PARTY_SECRETARY
                && post.place.level != JurisdictionLevel.CITY) {
            source = Role.GOVERNMENT_HEAD;
            chance = 0.35;
            pool = postsAt(post.place);
        } else if (post.postClass == PostClass.PRINCIPAL && post.role == Role.GOVERNMENT_HEAD
                   && post.place.level != JurisdictionLevel.CITY) {
            source = Role.DEPUTY_IN_CHARGE;
            chance = 0.3;
            pool = postsAt(post.place);
        } else if (post.postClass == PostClass.DEPT_HEAD) {
            source = Role.DEPARTMENT_DEPUTY;
            chance = 0.4;
            pool = posts.stream().filter(p -> p.dept == post.dept).toList();
        } else {
            return null;
        }
        if (!careersRandom.chance(chance)) {
            return null;
        }
        for (Post candidatePost : pool) {
            if (candidatePost.role != source || candidatePost.pinned) {
                continue;
            }
            Tenure current = candidatePost.current();
            if (current != null && current.from.isBefore(from.minusYears(1))) {
                return current;
            }
        }
        return null;
    }

    private List<Post> postsAt(Place place) {
        return posts.stream().filter(p -> p.place == place).toList();
    }

    /**
     * Village posts: elected in early 2015 (as staffed), by-elections after a retirement, and the 2018 elections
     * (村两委换届), where about 38% of posts change hands and some secretaries are elected director as well (一肩挑).
     */
    private void villageTurnover() {
        Map<Place, LocalDate> elections = new HashMap<>();
        for (Place village : places) {
            if (village.level != JurisdictionLevel.VILLAGE) {
                continue;
            }
            LocalDate election = elections.computeIfAbsent(village.parent, t -> careersRandom.weekday(
                    LocalDate.of(2018, 1, 8), LocalDate.of(2018, 3, 30)));
            Post secretary = post(village.code + "-secretary");
            Post director = post(village.code + "-director");
            byElection(secretary, LEDGER_OPENED, election.minusDays(10));
            byElection(director, LEDGER_OPENED, election.minusDays(10));
            boolean oneShoulder = careersRandom.chance(0.3);
            if (careersRandom.chance(0.38)) {
                leave(secretary.current(), election.minusDays(1), LeavingReason.OTHER);
                appoint(newOfficial(election), secretary, election);
            }
            if (oneShoulder) {
                // the secretary is elected director as well (一肩挑)
                leave(director.current(), election.minusDays(1), LeavingReason.OTHER);
                appoint(secretary.current().official, director, election);
            } else if (careersRandom.chance(0.38)) {
                leave(director.current(), election.minusDays(1), LeavingReason.OTHER);
                appoint(newOfficial(election), director, election);
            }
            byElection(secretary, election.plusDays(30), LAST_DAY.minusDays(10));
            byElection(director, election.plusDays(30), LAST_DAY.minusDays(10));
        }
    }

    /** A retirement or resignation between {@code from} and {@code to}, and a by-election the next week. */
    private void byElection(Post post, LocalDate from, LocalDate to) {
        Tenure current = post.current();
        if (current == null || !careersRandom.chance(0.03 * ChronoUnit.DAYS.between(from, to) / 365.25)) {
            return;
        }
        LocalDate start = current.from.plusDays(120).isAfter(from) ? current.from.plusDays(120) : from;
        if (!start.isBefore(to)) {
            return;
        }
        LocalDate on = careersRandom.weekday(start, to);
        leave(current, on, reasonFor(PostClass.VILLAGE));
        LocalDate next = on.plusDays(7);
        appoint(newOfficial(next), post, next);
    }

    // ================================================================================================= duties

    /** Every duty of the rule set in force that applies to a tenure, period by period, as its entries. */
    private void writeDuties() {
        for (Official official : officials) {
            for (Tenure tenure : official.tenures) {
                LocalDate to = tenure.to == null ? LAST_DAY : tenure.to;
                LocalDate from = tenure.from.isBefore(FIRST_DAY) ? FIRST_DAY : tenure.from;
                if (to.isBefore(from)) {
                    continue;
                }
                Post post = tenure.post;
                for (DutyPeriod period : DutyPeriod.values()) {
                    for (LocalDate start = period.startOf(from); !start.isAfter(to); start = period.next(start)) {
                        RuleSet set = ruleSets.inForce(start).orElse(null);
                        if (set == null) {
                            continue;
                        }
                        for (DutyRule rule : set.duties()) {
                            if (rule.period() == period && rule.duty().recordable() && applies(rule, post)) {
                                dutyPeriod(official, tenure, rule, start, period.endOf(start), from, to);
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean applies(DutyRule rule, Post post) {
        Applicability applies = rule.appliesTo();
        PostKind kind = post.dept == null ? PostKind.JURISDICTION : PostKind.DEPARTMENT;
        return applies.matches(kind, post.jurisdiction().level, post.role, post.kind);
    }

    private void dutyPeriod(Official official, Tenure tenure, DutyRule rule, LocalDate start, LocalDate end,
                            LocalDate tenureFrom, LocalDate tenureTo) {
        LocalDate a = start.isBefore(tenureFrom) ? tenureFrom : start;
        LocalDate b = end.isAfter(tenureTo) ? tenureTo : end;
        boolean whole = a.equals(start) && b.equals(end);
        if (!whole && !entriesRandom.chance(0.5)) {
            return; // a part-period at the start or end of a tenure is not owed (QHD-2018: WHOLE_PERIOD)
        }
        boolean cityPrincipal = tenure.post.postClass == PostClass.PRINCIPAL
                                && tenure.post.place.level == JurisdictionLevel.CITY;
        boolean lapse = whole && !cityPrincipal && official.lapses(rule.code() + "@" + start, entriesRandom);
        if (lapse) {
            official.missed.computeIfAbsent(start.getYear(), y -> new ArrayList<>()).add(end);
        }
        if (rule.duty() == Duty.GRASSROOTS_DAYS) {
            int workingDays = DemoRandom.weekdays(a, b);
            var share = rule.minimum().share();
            int needed = (int) Math.ceil((double) workingDays * share.numerator() / share.denominator());
            int days = lapse ? Math.max(0, needed - entriesRandom.between(3, Math.max(3, needed / 2)))
                    : Math.min(workingDays, needed + entriesRandom.between(0, 8));
            official.add(b, new ReportGrassrootsDaysCommand(official.officialId(), tenure.post.id, a, b, days,
                    workingDays, b, null, RECORDED_BY));
            return;
        }
        if (lapse) {
            return;
        }
        int count = rule.minimum().count() == null ? 1 : rule.minimum().count();
        if (whole && entriesRandom.chance(rule.period() == DutyPeriod.MONTH ? 0.08 : 0.3)) {
            count++;
        }
        for (int i = 0; i < count; i++) {
            if (rule.duty() == Duty.LED_INSPECTION) {
                LocalDate day = entriesRandom.weekday(a, b);
                official.add(day, inspection(official, tenure, day));
            } else {
                MeetingBody body = rule.bodies().get(0);
                // a township's joint meeting is one meeting, on the secretary's and the head's records alike
                String key = tenure.post.jurisdiction().code + "|" + body + "|" + start + "|" + i;
                LocalDate day = meetingDays.get(key);
                if (day == null || day.isBefore(a) || day.isAfter(b)) {
                    day = entriesRandom.weekday(a, b);
                    meetingDays.put(key, day);
                }
                official.add(day, new RecordMeetingCommand(official.officialId(), tenure.post.id, body,
                        topics(body), day, null, RECORDED_BY));
            }
        }
    }

    private List<String> topics(MeetingBody body) {
        List<String> pool = switch (body) {
            case STANDING_COMMITTEE -> DemoTexts.PARTY_TOPICS;
            case GOVERNMENT_EXECUTIVE -> DemoTexts.GOVERNMENT_TOPICS;
            case JOINT_MEETING -> DemoTexts.JOINT_TOPICS;
            case DEPARTMENT -> DemoTexts.DEPARTMENT_TOPICS;
            case DISPATCH -> DemoTexts.DISPATCH_TOPICS;
        };
        String first = entriesRandom.pick(pool);
        if (entriesRandom.chance(0.35)) {
            String second = entriesRandom.pick(pool);
            if (!second.equals(first)) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    private RecordLedInspectionCommand inspection(Official official, Tenure tenure, LocalDate day) {
        Place place = tenure.post.jurisdiction();
        String location;
        List<Place> below = place.childrenOn(day);
        if (place.level == JurisdictionLevel.VILLAGE || below.isEmpty()) {
            location = place.nameOn(day) + entriesRandom.pick(DemoTexts.INSPECTION_SITES);
        } else {
            location = entriesRandom.pick(below).nameOn(day) + entriesRandom.pick(DemoTexts.INSPECTION_SITES);
        }
        return new RecordLedInspectionCommand(official.officialId(), tenure.post.id, location,
                entriesRandom.pick(DemoTexts.FINDINGS), day, null, RECORDED_BY);
    }

    // ================================================================================================= other entries

    /** 目标责任书 (000): principals, department heads and village posts sign each year's letter. */
    private void writeLetters() {
        for (int year = 2016; year <= 2019; year++) {
            LocalDate cityDay = CITY_LETTER_DAYS.get(year);
            for (Post post : posts) {
                boolean signs = post.postClass == PostClass.PRINCIPAL || post.postClass == PostClass.DEPT_HEAD
                                || post.postClass == PostClass.VILLAGE;
                if (!signs) {
                    continue;
                }
                LocalDate day = letterDay(post.jurisdiction(), year, cityDay);
                Tenure holder = post.holderOn(day);
                if (holder == null) {
                    continue;
                }
                List<String> pool = switch (post.jurisdiction().level) {
                    case CITY -> post.dept == null ? DemoTexts.CITY_TASKS : DemoTexts.DEPARTMENT_TASKS;
                    case COUNTY -> post.dept == null ? DemoTexts.COUNTY_TASKS : DemoTexts.DEPARTMENT_TASKS;
                    case TOWNSHIP -> DemoTexts.TOWNSHIP_TASKS;
                    case VILLAGE -> DemoTexts.VILLAGE_TASKS;
                };
                List<String> tasks = new ArrayList<>(pool);
                while (tasks.size() > 3) {
                    tasks.remove(entriesRandom.below(tasks.size()));
                }
                holder.official.add(day, new SignResponsibilityLetterCommand(holder.official.officialId(), year,
                        LetterId.of("ZRS-" + year + "-" + post.id.value()), tasks, day, null, RECORDED_BY));
            }
        }
    }

    /** The day a place signs its letters: the city's conference, then each county, township and village after it. */
    private LocalDate letterDay(Place place, int year, LocalDate cityDay) {
        if (place.level == JurisdictionLevel.CITY) {
            return cityDay;
        }
        LocalDate known = letterDays.get(place.code + year);
        if (known == null) {
            LocalDate above = letterDay(place.parent, year, cityDay);
            known = entriesRandom.weekday(above.plusDays(5), above.plusDays(20));
            letterDays.put(place.code + year, known);
        }
        return known;
    }

    /** Deputies lead inspections of their own (no minimum); village officials patrol (巡河、巡查). */
    private void writeDeputiesAndVillages() {
        for (Official official : officials) {
            for (Tenure tenure : official.tenures) {
                LocalDate to = tenure.to == null ? LAST_DAY : tenure.to;
                LocalDate from = tenure.from.isBefore(FIRST_DAY) ? FIRST_DAY : tenure.from;
                if (to.isBefore(from)) {
                    continue;
                }
                if (tenure.post.postClass == PostClass.DEPUTY) {
                    for (LocalDate q = DutyPeriod.QUARTER.startOf(from); !q.isAfter(to); q = q.plusMonths(3)) {
                        LocalDate a = q.isBefore(from) ? from : q;
                        LocalDate b = q.plusMonths(3).minusDays(1).isAfter(to) ? to : q.plusMonths(3).minusDays(1);
                        if (entriesRandom.chance(0.7)) {
                            LocalDate day = entriesRandom.weekday(a, b);
                            official.add(day, inspection(official, tenure, day));
                        }
                    }
                } else if (tenure.post.postClass == PostClass.VILLAGE) {
                    for (int year = from.getYear(); year <= to.getYear(); year++) {
                        LocalDate a = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
                        LocalDate b = year == to.getYear() ? to : LocalDate.of(year, 12, 31);
                        for (int i = 0; i < 2; i++) {
                            if (entriesRandom.chance(0.55)) {
                                LocalDate day = entriesRandom.day(a, b);
                                official.add(day, new RecordLedInspectionCommand(official.officialId(),
                                        tenure.post.id, tenure.post.place.nameOn(day) + "辖区",
                                        entriesRandom.pick(DemoTexts.PATROLS), day, null, RECORDED_BY));
                            }
                        }
                    }
                }
            }
        }
    }

    /** A lapse's consequences: a summons from the leading group's office (003 Art. 14) for one year in two. */
    private void writeLapses() {
        for (Official official : officials) {
            if (official.pinned()) {
                continue;
            }
            for (Map.Entry<Integer, List<LocalDate>> year : official.missed.entrySet()) {
                List<LocalDate> ends = year.getValue().stream().sorted().toList();
                if (ends.size() < 3 || !entriesRandom.chance(0.5)) {
                    continue;
                }
                LocalDate day = entriesRandom.weekday(ends.get(2).plusDays(5), ends.get(2).plusDays(25));
                if (day.isAfter(LAST_DAY)) {
                    continue;
                }
                Tenure tenure = official.tenureOn(ends.get(2));
                String by = leadingGroupAbove(tenure.post);
                official.add(day, new IssueSummonsCommand(official.officialId(), by,
                        "未按规定落实生态环境保护例会、带队检查和下基层制度，履职不到位", day.plusDays(entriesRandom.between(30, 60)),
                        day, null, RECORDED_BY));
            }
        }
    }

    private String leadingGroupAbove(Post post) {
        Place place = post.jurisdiction();
        Place above = post.dept != null || place.level == JurisdictionLevel.CITY ? place : place.parent;
        if (above.level == JurisdictionLevel.TOWNSHIP) {
            above = above.parent;
        }
        return above.name() + "生态环境保护工作领导小组办公室";
    }

    /**
     * 年度考核 (003 Art. 18): everyone holding a post other than a village's on 31 December, assessed in the last
     * week of the year. Most are QUALIFIED, about one in five of those who met every duty EXCELLENT; a year with
     * lapses is never EXCELLENT, and several lapses may make it UNQUALIFIED or QUALIFIED with an Art. 18 condition.
     */
    private void writeAssessments() {
        for (Official official : officials) {
            for (int year = 2016; year <= 2019; year++) {
                LocalDate yearEnd = LocalDate.of(year, 12, 31);
                Tenure tenure = official.tenureOn(yearEnd);
                if (tenure == null || tenure.post.postClass == PostClass.VILLAGE) {
                    continue;
                }
                Assessment assessment = official.assessments.get(year);
                if (assessment == null) {
                    int missed = official.missed.getOrDefault(year, List.of()).size();
                    double draw = entriesRandom.unit();
                    if (official.vetoedYears.contains(year)) {
                        assessment = new Assessment(AssessmentGrade.QUALIFIED, List.of(6));
                    } else if (missed >= 3) {
                        assessment = draw < 0.18 ? new Assessment(AssessmentGrade.UNQUALIFIED, List.of(9))
                                : draw < 0.5 ? new Assessment(AssessmentGrade.QUALIFIED, List.of(9))
                                : new Assessment(AssessmentGrade.QUALIFIED, List.of());
                    } else if (missed > 0) {
                        assessment = new Assessment(AssessmentGrade.QUALIFIED, List.of());
                    } else {
                        assessment = new Assessment(draw < 0.2 ? AssessmentGrade.EXCELLENT : AssessmentGrade.QUALIFIED,
                                List.of());
                    }
                }
                LocalDate day = official.assessmentDays.containsKey(year) ? official.assessmentDays.get(year)
                        : entriesRandom.weekday(LocalDate.of(year, 12, 24), yearEnd);
                String issuer = switch (tenure.post.jurisdiction().level) {
                    case CITY -> "示组考";
                    case COUNTY -> tenure.post.jurisdiction().abbr + "组考";
                    default -> tenure.post.jurisdiction().parent.abbr + "组考";
                };
                Entry entry = official.add(day, new RecordAnnualAssessmentCommand(official.officialId(), year,
                        assessment.grade, assessment.conditions, day, document(issuer, year + 1), RECORDED_BY));
                official.assessmentEntries.put(year, entry);
                if (assessment.grade == AssessmentGrade.UNQUALIFIED && year < 2019 && !official.pinned()) {
                    // 000: an unqualified result brings a summons by the organization department
                    LocalDate summoned = entriesRandom.weekday(LocalDate.of(year + 1, 1, 8),
                            LocalDate.of(year + 1, 1, 31));
                    official.add(summoned, new IssueSummonsCommand(official.officialId(),
                            tenure.post.jurisdiction().level == JurisdictionLevel.CITY ? "示例市委组织部"
                                    : "示例市委组织部、" + leadingGroupAbove(tenure.post),
                            year + "年度生态环境保护考核不合格，约谈并限期整改", summoned.plusMonths(3), summoned, null,
                            RECORDED_BY));
                }
            }
        }
        for (Official official : officials) {
            for (CorrectionDraft correction : official.corrections) {
                official.add(correction.on, correction);
            }
        }
    }

    /** 离任审计 (002): principals and department heads who leave have their tenure audited within weeks. */
    private void writeDepartureAudits() {
        for (Official official : officials) {
            for (Tenure tenure : official.tenures) {
                PostClass postClass = tenure.post.postClass;
                if (tenure.post.pinned || tenure.to == null || tenure.to.isBefore(FIRST_DAY) || tenure.reason == LeavingReason.OTHER
                        || (postClass != PostClass.PRINCIPAL && postClass != PostClass.DEPT_HEAD)) {
                    continue;
                }
                LocalDate day = entriesRandom.weekday(tenure.to.plusDays(20), tenure.to.plusDays(75));
                if (day.isAfter(LAST_DAY)) {
                    continue;
                }
                boolean lapsed = official.missed.values().stream().mapToInt(List::size).sum() >= 3;
                List<String> findings = new ArrayList<>(DemoTexts.AUDIT_FINDINGS);
                while (findings.size() > 2) {
                    findings.remove(entriesRandom.below(findings.size()));
                }
                official.add(day, new CompleteDepartureAuditCommand(official.officialId(), tenure.post.id,
                        lapsed ? "任期内自然资源资产管理和生态环境保护责任基本履行，存在履职不到位问题"
                                : "任期内自然资源资产管理和生态环境保护责任履行情况较好",
                        findings, day, document("示审经责", day.getYear()), RECORDED_BY));
            }
        }
    }

    /** 挂牌督办 (003 Art. 15): two problems per county a year or so, on the county head's record; one for the city. */
    private void writeListedSupervision() {
        int sequence = 0;
        for (Place county : city.children) {
            Post head = post(county.code + "-government-head");
            for (int i = 0; i < 2; i++) {
                LocalDate day = entriesRandom.weekday(LocalDate.of(2016, 3, 1), LocalDate.of(2019, 10, 31));
                Tenure holder = head.holderOn(day);
                Place township = entriesRandom.pick(county.children);
                if (holder == null) {
                    continue;
                }
                sequence++;
                holder.official.add(day, new ListSupervisionCommand(holder.official.officialId(),
                        ProblemId.of("GP-" + day.getYear() + "-" + String.format("%03d", sequence)),
                        JurisdictionCode.of(township.code),
                        township.nameOn(day) + entriesRandom.pick(DemoTexts.LISTED_PROBLEMS) + "问题挂牌督办，限期整改",
                        day, document("示环督", day.getYear()), RECORDED_BY));
            }
        }
    }

    // ================================================================================================= cases

    /**
     * 中央环保督察交办件 (002): petitions assigned during the central inspection of August–September 2017, moved to
     * rectifying within days, rectified within months and closed (整改销号) by 31 October 2018 — all but a few, at
     * 002's proportion; and the feedback issues, a third of them rectified or closed. A few closed cases lead to
     * accountability of the township's principal.
     */
    private void writeCases() {
        double scale = size.caseScale();
        int assigned = Math.max(2, (int) Math.round(SEED_CASES_ASSIGNED * scale));
        int open = Math.max(1, (int) Math.round((SEED_CASES_ASSIGNED - SEED_CASES_CLOSED) * scale));
        int closed = assigned - open;
        List<Place> villages = places.stream().filter(p -> p.level == JurisdictionLevel.VILLAGE).toList();
        List<Place> townships = places.stream().filter(p -> p.level == JurisdictionLevel.TOWNSHIP).toList();
        int batch = 0;
        LocalDate batchDay = CENTRAL_INSPECTION_FROM;
        for (int i = 0; i < assigned; i++) {
            if (i % Math.max(1, assigned / 20) == 0) {
                batch++;
                batchDay = entriesRandom.weekday(CENTRAL_INSPECTION_FROM.plusDays((batch - 1) * 1L),
                        CENTRAL_INSPECTION_TO);
                if (batchDay.isBefore(CENTRAL_INSPECTION_FROM.plusDays(batch - 1L))) {
                    batchDay = CENTRAL_INSPECTION_FROM.plusDays(batch - 1L);
                }
            }
            Place place;
            LocalDate day = batchDay;
            String problem;
            if (i == 0) {
                // the petition about the dumping behind the lifetime case (scenario RETIRED_TOWNSHIP_HEAD)
                place = cast.township1.children.get(0);
                day = LocalDate.of(2017, 8, 16);
                problem = "群众反映" + place.name() + "山沟内被倾倒工业固体废物";
            } else {
                place = entriesRandom.chance(0.7) ? entriesRandom.pick(villages) : entriesRandom.pick(townships);
                problem = entriesRandom.pick(DemoTexts.PETITIONS).replace("{}", place.nameOn(day));
            }
            CaseDraft draft = new CaseDraft(String.format("ZYDC-2017-%03d", i + 1), place, CaseSource.CENTRAL,
                    CaseKind.PETITION, problem, day, "中央第二环境保护督察组交办第" + batch + "批");
            boolean closes = i < closed;
            LocalDate rectifying = entriesRandom.weekday(day.plusDays(1), day.plusDays(5));
            draft.step(CaseStatus.RECTIFYING, rectifying, "已转办属地，责令整改");
            if (closes) {
                LocalDate rectified = entriesRandom.weekday(rectifying.plusDays(10), rectifying.plusDays(150));
                LocalDate closedOn = entriesRandom.weekday(rectified.plusDays(5), rectified.plusDays(60));
                if (closedOn.isAfter(CASES_REPORTED)) {
                    closedOn = CASES_REPORTED;
                    if (!rectified.isBefore(closedOn)) {
                        rectified = closedOn.minusDays(7);
                    }
                }
                draft.step(CaseStatus.RECTIFIED, rectified, "整改完成，现场核查通过");
                draft.step(CaseStatus.CLOSED, closedOn, "经验收，予以销号");
                if (i > 0 && entriesRandom.chance(0.06)) {
                    referFromCase(draft, place, closedOn);
                }
            } else if (entriesRandom.chance(0.5)) {
                draft.step(CaseStatus.RECTIFIED, entriesRandom.weekday(LocalDate.of(2019, 3, 1),
                        LocalDate.of(2019, 9, 30)), "主体工程完工，待验收");
            }
            cases.add(draft);
        }
        int issues = Math.max(1, (int) Math.round(SEED_FEEDBACK_ISSUES * scale));
        for (int i = 0; i < issues; i++) {
            Place county = city.children.get(i % city.children.size());
            LocalDate day = LocalDate.of(2017, 12, 26);
            CaseDraft draft = new CaseDraft(String.format("ZYDC-FK-%02d", i + 1), county, CaseSource.CENTRAL,
                    CaseKind.FEEDBACK_ISSUE, county.name() + DemoTexts.FEEDBACK_ISSUES.get(
                            i % DemoTexts.FEEDBACK_ISSUES.size()), day, "中央第二环境保护督察组督察反馈意见");
            draft.step(CaseStatus.RECTIFYING, LocalDate.of(2018, 1, 15), "制定整改方案，明确责任单位和时限");
            if (i % 3 != 2) {
                draft.step(CaseStatus.RECTIFIED, entriesRandom.weekday(LocalDate.of(2018, 6, 1),
                        LocalDate.of(2019, 6, 28)), "达到整改标准");
            }
            if (i % 3 == 0) {
                draft.step(CaseStatus.CLOSED, entriesRandom.weekday(LocalDate.of(2019, 7, 1),
                        LocalDate.of(2019, 11, 29)), "经省整改办验收，完成销号");
            }
            cases.add(draft);
        }
    }

    /** 问责 (003 Art. 16, 20): the township's head is referred for a case handled badly, and the case decided. */
    private void referFromCase(CaseDraft draft, Place place, LocalDate closedOn) {
        Place township = place.level == JurisdictionLevel.VILLAGE ? place.parentOn(draft.assignedOn) : place;
        Post head = post(township.code + "-government-head");
        Tenure holder = head.holderOn(draft.assignedOn);
        if (holder == null || head.pinned) {
            return;
        }
        LocalDate referred = entriesRandom.weekday(closedOn.plusDays(3), closedOn.plusDays(30));
        LocalDate decided = entriesRandom.weekday(referred.plusDays(20), referred.plusDays(80));
        if (decided.isAfter(LAST_DAY)) {
            return;
        }
        AccountabilityCaseId caseId = AccountabilityCaseId.of(String.format("WZ-%d-%03d", referred.getYear(),
                ++accountabilityCases));
        OfficialId id = holder.official.officialId();
        holder.official.add(referred, new ReferAccountabilityCommand(id, caseId,
                "督察交办件" + draft.caseId + "办理中履职不力", township.parent.name() + "纪委监委", referred, null,
                RECORDED_BY));
        double draw = entriesRandom.unit();
        AccountabilityOutcome outcome = draw < 0.5 ? AccountabilityOutcome.ADMONISHING_TALK
                : draw < 0.85 ? AccountabilityOutcome.CIRCULATED_CRITICISM
                : draw < 0.95 ? AccountabilityOutcome.PARTY_DISCIPLINE : AccountabilityOutcome.NOT_ACCOUNTABLE;
        holder.official.add(decided, new DecideAccountabilityCommand(id, caseId, outcome, decided,
                document(township.parent.abbr + "纪", decided.getYear()), RECORDED_BY));
    }

    // ================================================================================================= scenarios

    private void writeScenarios() {
        // 提拔: the first county's party secretary, promoted to the city in March 2018
        Official promoted = cast.cityDeputyEco.current().official;
        Tenure countyTenure = promoted.tenures.get(0);
        promoted.add(LocalDate.of(2018, 4, 20), new CompleteDepartureAuditCommand(promoted.officialId(),
                countyTenure.post.id, "任期内自然资源资产管理和生态环境保护责任履行情况较好",
                List.of("任期内辖区空气质量综合指数改善12%", "督察交办件全部按期整改销号"), LocalDate.of(2018, 4, 20),
                "示审经责〔2018〕6号", RECORDED_BY));
        Place village = cast.township1.children.get(0);
        LocalDate incident = LocalDate.of(2017, 6, 15);
        scenarios.add(new DemoScenario("PROMOTED_COUNTY_SECRETARY", promoted.id,
                county(1).name() + "委书记（2015年4月起），2018年3月提拔为" + CITY_NAME + "分管生态环境副市长；离任审计 / "
                + "the first county's party secretary, promoted to the city's deputy mayor for the environment in March "
                + "2018, with the departure audit of the county post; eligible in a review before the promotion",
                "/officials/" + promoted.id + "/promotion-review?on=2018-02-01"));

        // 退休、终身追责: the first township's head retired in March 2019; a lifetime case is opened in November
        Official retired = cast.township1Head.tenures.get(0).official;
        retired.add(LocalDate.of(2019, 5, 24), new CompleteDepartureAuditCommand(retired.officialId(),
                cast.township1Head.id, "任期内生态环境保护责任基本履行，存在历史遗留问题", List.of("辖区内山沟存在历史倾倒固体废物问题"),
                LocalDate.of(2019, 5, 24), "示审经责〔2019〕11号", RECORDED_BY));
        AccountabilityCaseId lifetime = AccountabilityCaseId.of("ZS-2019-001");
        retired.add(LocalDate.of(2019, 11, 8), new OpenLifetimeAccountabilityCommand(retired.officialId(), lifetime,
                cast.township1Head.id, incident, village.name() + "山沟内倾倒工业固体废物，造成土壤污染（生态环境损害）",
                LocalDate.of(2019, 11, 8), "示纪〔2019〕38号", RECORDED_BY));
        scenarios.add(new DemoScenario("RETIRED_TOWNSHIP_HEAD", retired.id,
                cast.township1Head.title + "（2013年6月起），2019年3月退休；2019年11月对其任内" + incident + "的生态环境损害启动终身追责 / "
                + "the first township's head, retired in March 2019; a lifetime-accountability case opened in November "
                + "2019 for damage done on " + incident + " in " + village.name() + ", still open: it blocks a "
                + "review although he has retired",
                "/officials/" + retired.id + "/promotion-review?on=2019-12-01"));
        scenarios.add(new DemoScenario("INCIDENT_TRACING", retired.id,
                village.name() + "在" + incident + "发生倾倒事件：当日负责的村、镇、县、市干部（含后来提拔、退休者） / "
                + "who was responsible for " + village.name() + " on " + incident + ": its village posts, the "
                + "township, the county (the secretary since promoted) and the city, the retired head among them",
                "/jurisdictions/" + village.code + "/responsible?on=" + incident));

        // 一票否决: the second township's principals and deputy in charge, for 2018
        LocalDate vetoDay = LocalDate.of(2018, 11, 20);
        String reason = cast.township2.name() + "辖区发生非法倾倒危险废物事件，被中央环保督察“回头看”通报";
        List<Post> vetoed = List.of(cast.township2Secretary, cast.township2Head, cast.township2Deputy);
        for (Post post : vetoed) {
            Official official = post.current().official;
            official.vetoedYears.add(2018);
            OneVetoCapacity capacity = post.role == Role.DEPUTY_IN_CHARGE ? OneVetoCapacity.DEPUTY_IN_CHARGE
                    : OneVetoCapacity.PRINCIPAL;
            official.add(vetoDay, new ImposeOneVetoCommand(official.officialId(), 2018,
                    cast.township2.name() + (post.role == Role.PARTY_SECRETARY ? "党委" : "人民政府"), capacity, reason,
                    vetoDay, "示环委〔2018〕21号", RECORDED_BY));
        }
        Official vetoedSecretary = cast.township2Secretary.current().official;
        vetoedSecretary.add(LocalDate.of(2018, 10, 12), new IssueSummonsCommand(vetoedSecretary.officialId(),
                "示例市生态环境保护工作领导小组", "辖区非法倾倒危险废物问题突出，约谈并限期整改", LocalDate.of(2018, 12, 31),
                LocalDate.of(2018, 10, 12), null, RECORDED_BY));
        scenarios.add(new DemoScenario("ONE_VETO", vetoedSecretary.id,
                cast.township2.name() + "党委书记：2018年度被一票否决（镇长、分管副镇长同） / the second township's party "
                + "secretary, under a one-veto for 2018 with the township head and the deputy in charge; not eligible "
                + "in a review on 2019-03-01",
                "/officials/" + vetoedSecretary.id + "/promotion-review?on=2019-03-01"));

        // 连续两年不合格: the city housing bureau's head, UNQUALIFIED for 2017 and 2018, summoned, post adjusted
        Official unqualified = cast.cityHousingHead.tenures.get(0).official;
        unqualified.explicitMisses = Set.of("ART10_DEPARTMENT_MEETING@2017-03-01", "ART10_DEPARTMENT_MEETING@2017-07-01",
                "ART10_DEPARTMENT_MEETING@2017-08-01", "ART10_DEPARTMENT_MEETING@2018-02-01",
                "ART10_DEPARTMENT_MEETING@2018-05-01", "ART10_DEPARTMENT_MEETING@2018-06-01",
                "GRASSROOTS_DEPARTMENT_LEADERSHIP@2018-04-01");
        unqualified.assessments.put(2017, new Assessment(AssessmentGrade.UNQUALIFIED, List.of(9)));
        unqualified.assessments.put(2018, new Assessment(AssessmentGrade.UNQUALIFIED, List.of(8)));
        for (int year : List.of(2017, 2018)) {
            LocalDate summoned = LocalDate.of(year + 1, 1, year == 2017 ? 10 : 8);
            unqualified.add(summoned, new IssueSummonsCommand(unqualified.officialId(), "示例市委组织部",
                    year + "年度生态环境保护考核不合格，约谈并限期整改", LocalDate.of(year + 1, 6, 30), summoned, null,
                    RECORDED_BY));
        }
        unqualified.add(LocalDate.of(2019, 4, 26), new CompleteDepartureAuditCommand(unqualified.officialId(),
                cast.cityHousingHead.id, "任期内生态环境保护“一岗双责”履行不到位，两年考核不合格",
                List.of("建筑工地扬尘治理专项整治任务未按期完成", "城镇污水管网建设滞后"), LocalDate.of(2019, 4, 26),
                "示审经责〔2019〕9号", RECORDED_BY));
        AccountabilityCaseId adjustment = AccountabilityCaseId.of("WZ-2019-901");
        unqualified.add(LocalDate.of(2019, 2, 20), new ReferAccountabilityCommand(unqualified.officialId(), adjustment,
                "连续两年生态环境保护考核不合格（000）", "示例市委组织部", LocalDate.of(2019, 2, 20), null, RECORDED_BY));
        unqualified.add(LocalDate.of(2019, 3, 8), new DecideAccountabilityCommand(unqualified.officialId(), adjustment,
                AccountabilityOutcome.POST_ADJUSTMENT, LocalDate.of(2019, 3, 8), "示组干〔2019〕17号", RECORDED_BY));
        scenarios.add(new DemoScenario("TWO_UNQUALIFIED_YEARS", unqualified.id,
                cast.cityHousingHead.title + "：2017、2018年度考核连续不合格，两次被约谈，2019年3月调整岗位 / the city "
                + "housing bureau's head, UNQUALIFIED for 2017 and 2018, summoned twice, post adjusted in March 2019",
                "/officials/" + unqualified.id + "/promotion-review?on=2019-02-01"));

        // 更正: the first county's head, 2018 assessment corrected from QUALIFIED to UNQUALIFIED in September 2019
        Official corrected = cast.countyHead.current().official;
        corrected.assessments.put(2018, new Assessment(AssessmentGrade.QUALIFIED, List.of()));
        corrected.assessmentDays.put(2018, LocalDate.of(2018, 12, 27));
        ObjectNode replacement = JSON.objectNode().put("year", 2018).put("grade", "UNQUALIFIED")
                                     .put("occurredOn", "2018-12-27");
        replacement.putArray("conditions").add(6);
        corrected.corrections.add(new CorrectionDraft(2018, LocalDate.of(2019, 9, 16),
                "经复核，2018年6月辖区发生重大环境污染事故，依第十八条第（六）项更正考核结果", "示例市委组织部部务会", replacement));
        scenarios.add(new DemoScenario("CORRECTION", corrected.id,
                county(1).name() + county(1).suffix + "长：2018年度考核“合格”于2019-09-16更正为“不合格” / the first county's "
                + "head, whose 2018 assessment was corrected on 2019-09-16 from QUALIFIED to UNQUALIFIED: a review on "
                + "2019-09-01 does not see it, one on 2019-10-01 does",
                "/officials/" + corrected.id + "/promotion-review?on=2019-10-01"));

        // 履职不到位: the first township's party secretary misses the joint meeting in 2019-Q2 and is summoned
        Official lapsed = cast.township1Secretary.current().official;
        lapsed.explicitMisses = Set.of("ART10_TOWNSHIP_JOINT_MEETING@2019-04-01",
                "ART10_TOWNSHIP_JOINT_MEETING@2019-05-01", "ART10_TOWNSHIP_JOINT_MEETING@2019-06-01",
                "ART11_COUNTY_TOWNSHIP_PRINCIPALS@2019-05-01");
        lapsed.add(LocalDate.of(2019, 7, 9), new IssueSummonsCommand(lapsed.officialId(),
                county(1).name() + "生态环境保护工作领导小组办公室", "二季度未按规定召开党政联席会议研究生态环境保护工作",
                LocalDate.of(2019, 8, 31), LocalDate.of(2019, 7, 9), null, RECORDED_BY));
        scenarios.add(new DemoScenario("DUTY_MINIMUM_MISSED", lapsed.id,
                cast.township1Secretary.title + "：2019年4—6月未召开党政联席会议，5月未带队检查，7月被约谈 / the first "
                + "township's party secretary, who missed the monthly joint meeting in 2019-Q2 and was summoned; "
                + "the compliance of " + cast.township1.name() + " for 2019-Q2 shows them MISSED beside the head who "
                + "met it",
                "/compliance?jurisdictionCode=" + cast.township1.code + "&period=2019-Q2"));

        // 问责（未结）: the first county's environmental bureau head, referred in November 2019, undecided
        Official referred = cast.countyEcoHead.current().official;
        referred.add(LocalDate.of(2019, 11, 18), new ReferAccountabilityCommand(referred.officialId(),
                AccountabilityCaseId.of("WZ-2019-902"), "对辖区企业违法排污监管不力（003第十九条）",
                county(1).name() + "纪委监委", LocalDate.of(2019, 11, 18), null, RECORDED_BY));
        scenarios.add(new DemoScenario("OPEN_ACCOUNTABILITY_CASE", referred.id,
                cast.countyEcoHead.title + "：2019年11月因监管不力被移交问责，尚未作出决定 / the first county's "
                + "environmental bureau head, referred for accountability in November 2019, not yet decided",
                "/officials/" + referred.id + "/promotion-review?on=2019-12-15"));
    }

    // ================================================================================================= assembly

    private DemoCity assemble() {
        List<DemoWrite> writes = new ArrayList<>();
        for (Place place : places) {
            List<Object> commands = new ArrayList<>();
            commands.add(new RegisterJurisdictionCommand(JurisdictionCode.of(place.code), place.name(), place.level,
                    place.parent == null ? null : JurisdictionCode.of(place.parent.code), PLACES_VALID_FROM, null,
                    RECORDED_BY));
            if (place.renamedOn != null) {
                commands.add(new RenameJurisdictionCommand(JurisdictionCode.of(place.code), place.renamedOn,
                        place.stem + place.renamedSuffix, "冀政字〔2017〕45号", RECORDED_BY));
            }
            if (place.movedOn != null) {
                commands.add(new MoveJurisdictionCommand(JurisdictionCode.of(place.code), place.movedOn,
                        JurisdictionCode.of(place.movedTo.code), place.parent.parent.abbr + "政〔2019〕22号",
                        RECORDED_BY));
            }
            writes.add(new DemoWrite(DemoWrite.Kind.JURISDICTION, JurisdictionCode.of(place.code)
                                                                                 .aggregateIdentifier(), commands));
        }
        for (Dept dept : depts) {
            List<Object> commands = new ArrayList<>();
            DepartmentCode code = DepartmentCode.of(dept.code);
            commands.add(new RegisterDepartmentCommand(code, dept.name, JurisdictionCode.of(dept.place.code),
                    PLACES_VALID_FROM, null, RECORDED_BY));
            if (dept.renamed != null) {
                commands.add(new RenameDepartmentCommand(code, dept.renamedOn, dept.renamed,
                        dept.place.level == JurisdictionLevel.CITY ? "示办字〔2019〕3号" : dept.place.abbr + "办字〔2019〕5号",
                        RECORDED_BY));
            }
            writes.add(new DemoWrite(DemoWrite.Kind.DEPARTMENT, code.aggregateIdentifier(), commands));
        }
        long officialCommands = 0;
        for (Official official : officials) {
            List<Object> commands = official.commands();
            officialCommands += commands.size();
            writes.add(new DemoWrite(DemoWrite.Kind.OFFICIAL, official.officialId().aggregateIdentifier(), commands));
        }
        int closed = 0;
        for (CaseDraft draft : cases) {
            List<Object> commands = new ArrayList<>();
            CaseId id = CaseId.of(draft.caseId);
            commands.add(new AssignCaseCommand(id, JurisdictionCode.of(draft.place.code), draft.source, draft.kind,
                    draft.description, draft.assignedOn, draft.document, RECORDED_BY));
            for (Step step : draft.steps) {
                commands.add(new TransitionCaseCommand(id, step.status, step.on, step.note, null, RECORDED_BY));
                if (step.status == CaseStatus.CLOSED) {
                    closed++;
                }
            }
            writes.add(new DemoWrite(DemoWrite.Kind.CASE, id.aggregateIdentifier(), commands));
        }
        Official countyHead = cast.countyHead.current().official;
        scenarios.add(new DemoScenario("INSPECTION_CASES", countyHead.id,
                cases.size() + " 件督察交办件（信访件、反馈问题），已销号 " + closed + " 件（002：交办881件，销号873件） / "
                + cases.size() + " inspection cases assigned, " + closed + " closed (002: 881 assigned, 873 closed); "
                + "each official's dossier lists those in their jurisdiction during the tenure, e.g. the first county's "
                + "head",
                "/officials/" + countyHead.id + "/dossier"));
        int jurisdictions = places.size();
        DemoCity.Counts counts = new DemoCity.Counts(jurisdictions, depts.size(), officials.size(),
                officialCommands, cases.size(), closed,
                writes.stream().mapToLong(w -> w.commands().size()).sum());
        return new DemoCity(size, writes, scenarios, counts);
    }

    // ================================================================================================= model

    private enum PostClass {
        PRINCIPAL, DEPUTY, DEPT_HEAD, DEPT_DEPUTY, STATION, VILLAGE;

        /** Departures a year, by kind of post (and, for principals, level). */
        double rate(JurisdictionLevel level) {
            return switch (this) {
                case PRINCIPAL -> level == JurisdictionLevel.CITY ? 0.18 : 0.28;
                case DEPUTY -> 0.22;
                case DEPT_HEAD -> 0.2;
                case DEPT_DEPUTY -> 0.16;
                case STATION -> 0.15;
                case VILLAGE -> 0.03;
            };
        }
    }

    /** The kinds of department, with the names the 2019 institutional reform (机构改革) gave some of them. */
    private enum DeptType {
        ECOLOGY("sthj", "环境保护局", "生态环境局", "生态环境分局", "局长"),
        DEVELOPMENT("fgw", "发展和改革委员会", null, null, "主任"),
        INDUSTRY("gxj", "工业和信息化局", null, null, "局长"),
        LAND("zrzy", "国土资源局", "自然资源和规划局", "自然资源和规划局", "局长"),
        HOUSING("zjj", "住房和城乡建设局", null, null, "局长"),
        TRANSPORT("jtj", "交通运输局", null, null, "局长"),
        WATER("swj", "水务局", null, null, "局长"),
        AGRICULTURE("nyj", "农业局", "农业农村局", "农业农村局", "局长"),
        FORESTRY("lyj", "林业局", null, null, "局长"),
        URBAN("cgj", "城市管理综合执法局", null, null, "局长"),
        SAFETY("ajj", "安全生产监督管理局", "应急管理局", "应急管理局", "局长"),
        MARKET("scjg", "市场监督管理局", null, null, "局长"),
        POLICE("gaj", "公安局", null, null, "局长"),
        FINANCE("czj", "财政局", null, null, "局长"),
        HEALTH("wjw", "卫生和计划生育委员会", "卫生健康委员会", "卫生健康局", "主任"),
        COMMERCE("swuj", "商务局", null, null, "局长"),
        STATION("hbz", "环境保护工作站", null, null, "站长");

        static final List<DeptType> CITY = List.of(ECOLOGY, DEVELOPMENT, INDUSTRY, LAND, HOUSING, TRANSPORT, WATER,
                AGRICULTURE, FORESTRY, URBAN, SAFETY, MARKET, POLICE, FINANCE, HEALTH, COMMERCE);
        static final List<DeptType> COUNTY = List.of(ECOLOGY, DEVELOPMENT, INDUSTRY, LAND, HOUSING, TRANSPORT, WATER,
                AGRICULTURE, URBAN, SAFETY, MARKET, POLICE);

        final String slug;
        final String name;
        final String renamed;
        final String countyRenamed;
        final String headTitle;

        DeptType(String slug, String name, String renamed, String countyRenamed, String headTitle) {
            this.slug = slug;
            this.name = name;
            this.renamed = renamed;
            this.countyRenamed = countyRenamed;
            this.headTitle = headTitle;
        }
    }

    private static final class Place {
        final String code;
        final String stem;
        final String suffix;
        final JurisdictionLevel level;
        final Place parent;
        final String abbr;
        final List<Place> children = new ArrayList<>();
        /** Places moved here from another parent (they stay in their first parent's {@code children}). */
        final List<Place> movedIn = new ArrayList<>();
        final List<Dept> depts = new ArrayList<>();
        String renamedSuffix;
        LocalDate renamedOn;
        Place movedTo;
        LocalDate movedOn;

        Place(String code, String stem, String suffix, JurisdictionLevel level, Place parent, String abbr) {
            this.code = code;
            this.stem = stem;
            this.suffix = suffix;
            this.level = level;
            this.parent = parent;
            this.abbr = abbr;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        String name() {
            return stem + suffix;
        }

        String nameOn(LocalDate day) {
            return renamedOn != null && !day.isBefore(renamedOn) ? stem + renamedSuffix : name();
        }

        Place parentOn(LocalDate day) {
            return movedOn != null && !day.isBefore(movedOn) ? movedTo : parent;
        }

        List<Place> childrenOn(LocalDate day) {
            List<Place> on = new ArrayList<>();
            for (Place child : children) {
                if (child.parentOn(day) == this) {
                    on.add(child);
                }
            }
            for (Place other : movedIn) {
                if (other.parentOn(day) == this) {
                    on.add(other);
                }
            }
            return on;
        }
    }

    private record Dept(String code, String name, String renamed, LocalDate renamedOn, Place place, DeptType type) {
    }

    private static final class Post {
        final int order;
        final PostId id;
        final Place place;
        final Dept dept;
        final Role role;
        final ResponsibilityKind kind;
        final PostClass postClass;
        final String title;
        final List<Tenure> tenures = new ArrayList<>();
        boolean pinned;

        Post(int order, PostId id, Place place, Dept dept, Role role, ResponsibilityKind kind, PostClass postClass,
             String title) {
            this.order = order;
            this.id = id;
            this.place = place;
            this.dept = dept;
            this.role = role;
            this.kind = kind;
            this.postClass = postClass;
            this.title = title;
        }

        Place jurisdiction() {
            return dept != null ? dept.place() : place;
        }

        Tenure current() {
            Tenure last = tenures.isEmpty() ? null : tenures.get(tenures.size() - 1);
            return last != null && last.to == null ? last : null;
        }

        Tenure holderOn(LocalDate day) {
            for (Tenure tenure : tenures) {
                if (tenure.covers(day)) {
                    return tenure;
                }
            }
            return null;
        }
    }

    private static final class Tenure {
        final Official official;
        final Post post;
        final LocalDate from;
        LocalDate to;
        LeavingReason reason;
        String document;
        String leavingDocument;

        Tenure(Official official, Post post, LocalDate from) {
            this.official = official;
            this.post = post;
            this.from = from;
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private record Departure(LocalDate on, Tenure tenure) {
    }

    private record Assessment(AssessmentGrade grade, List<Integer> conditions) {
    }

    /** A correction, whose target's sequence is known only once the record's entries are in order. */
    private record CorrectionDraft(int assessmentYear, LocalDate on, String reason, String approvedBy,
                                   ObjectNode replacement) {
    }

    private record Step(CaseStatus status, LocalDate on, String note) {
    }

    private static final class CaseDraft {
        final String caseId;
        final Place place;
        final CaseSource source;
        final CaseKind kind;
        final String description;
        final LocalDate assignedOn;
        final String document;
        final List<Step> steps = new ArrayList<>();

        CaseDraft(String caseId, Place place, CaseSource source, CaseKind kind, String description,
                  LocalDate assignedOn, String document) {
            this.caseId = caseId;
            this.place = place;
            this.source = source;
            this.kind = kind;
            this.description = description;
            this.assignedOn = assignedOn;
            this.document = document;
        }

        void step(CaseStatus status, LocalDate on, String note) {
            LocalDate previous = steps.isEmpty() ? assignedOn : steps.get(steps.size() - 1).on();
            steps.add(new Step(status, on.isBefore(previous) ? previous : on, note));
        }
    }

    /** An entry of an official's record before it is put in order: its date, a rank for ties, the command. */
    private record Entry(LocalDate on, int rank, int index, Object command) {
    }

    private static final class Official {
        final String id;
        final String name;
        final LocalDate registeredOn;
        boolean lapsed;
        Set<String> explicitMisses;
        final List<Tenure> tenures = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        final Map<Integer, List<LocalDate>> missed = new TreeMap<>();
        final Set<Integer> vetoedYears = new java.util.TreeSet<>();
        final Map<Integer, Assessment> assessments = new HashMap<>();
        final Map<Integer, LocalDate> assessmentDays = new HashMap<>();
        final Map<Integer, Entry> assessmentEntries = new HashMap<>();
        final List<CorrectionDraft> corrections = new ArrayList<>();

        Official(String id, String name, LocalDate registeredOn) {
            this.id = id;
            this.name = name;
            this.registeredOn = registeredOn;
        }

        OfficialId officialId() {
            return OfficialId.of(id);
        }

        boolean pinned() {
            return tenures.stream().anyMatch(t -> t.post.pinned);
        }

        boolean lapses(String periodKey, DemoRandom random) {
            if (explicitMisses != null) {
                return explicitMisses.contains(periodKey);
            }
            return lapsed && random.chance(0.22);
        }

        Tenure tenureOn(LocalDate day) {
            for (Tenure tenure : tenures) {
                if (tenure.covers(day)) {
                    return tenure;
                }
            }
            return null;
        }

        Entry add(LocalDate on, Object command) {
            Entry entry = new Entry(on, 1, entries.size(), command);
            entries.add(entry);
            return entry;
        }

        /** The registration, then every entry in date order (appointments first and leavings last on a day). */
        List<Object> commands() {
            List<Entry> all = new ArrayList<>(entries);
            for (Tenure tenure : tenures) {
                all.add(new Entry(tenure.from, 0, all.size(), new AppointOfficialCommand(officialId(), tenure.post.id,
                        tenure.post.dept == null ? JurisdictionCode.of(tenure.post.place.code) : null,
                        tenure.post.dept == null ? null : DepartmentCode.of(tenure.post.dept.code()),
                        tenure.post.role, tenure.post.kind, tenure.from, tenure.document, RECORDED_BY)));
                if (tenure.to != null) {
                    all.add(new Entry(tenure.to, 2, all.size(), new LeavePostCommand(officialId(), tenure.post.id,
                            tenure.reason, tenure.to, tenure.leavingDocument, RECORDED_BY)));
                }
            }
            all.sort(Comparator.comparing(Entry::on).thenComparingInt(Entry::rank).thenComparingInt(Entry::index));
            List<Object> commands = new ArrayList<>(all.size() + 1);
            commands.add(new RegisterOfficialCommand(officialId(), name, registeredOn, null, RECORDED_BY));
            Map<Object, Long> sequences = new java.util.IdentityHashMap<>();
            for (Entry entry : all) {
                Object command = entry.command();
                if (command instanceof CorrectionDraft correction) {
                    RecordAnnualAssessmentCommand target = (RecordAnnualAssessmentCommand)
                            assessmentEntries.get(correction.assessmentYear()).command();
                    ObjectNode replacement = correction.replacement().deepCopy();
                    if (target.sourceDocument() != null) {
                        replacement.put("sourceDocument", target.sourceDocument());
                    }
                    command = new CorrectEntryCommand(officialId(), sequences.get(target), EntryType.ANNUAL_ASSESSMENT,
                            correction.reason(), correction.approvedBy(), replacement, correction.on(),
                            "示组更〔2019〕2号", RECORDED_BY);
                }
                sequences.put(entry.command(), (long) commands.size());
                commands.add(command);
            }
            return commands;
        }
    }
}
