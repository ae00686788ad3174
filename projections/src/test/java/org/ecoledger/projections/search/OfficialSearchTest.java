package org.ecoledger.projections.search;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.record.OfficialRecordProjection;
import org.ecoledger.projections.testing.TestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OfficialSearchTest {

    TestLedger ledger;

    @BeforeEach
    void officials() {
        ledger = new TestLedger();
        ledger.place("C", "秦皇岛市", JurisdictionLevel.CITY, null, of(2000, 1, 1));
        ledger.place("K", "青龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));
        ledger.department("C-EPB", "市生态环境局", "C", of(2000, 1, 1));
        ledger.official("a", "张建国");
        ledger.appoint("a", "K-SEC", "K", Role.PARTY_SECRETARY, of(2016, 1, 1));
        ledger.official("b", "李建华");
        ledger.appoint("b", "C-SEC", "C", Role.PARTY_SECRETARY, of(2016, 1, 1));
        ledger.official("c", "王芳");
        ledger.appointAtDepartment("c", "EPB-HEAD", "C-EPB", Role.DEPARTMENT_HEAD, of(2016, 1, 1));
        ledger.official("d", "Zhang Wei");
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void byAChineseSubstringOfTheName() {
        assertThat(ledger.search.search("建", null, 0, 10).items()).extracting(OfficialHit::officialId)
                .containsExactly("a", "b");
        assertThat(ledger.search.search("建国", null, 0, 10).items()).extracting(OfficialHit::name)
                .containsExactly("张建国");
        assertThat(ledger.search.search("zhang", null, 0, 10).items()).extracting(OfficialHit::officialId)
                .containsExactly("d");
        assertThat(ledger.search.search("a.*", null, 0, 10).items()).as("the text is quoted, not a pattern")
                .isEmpty();
    }

    @Test
    void byJurisdiction_itsPostsAndItsDepartments() {
        assertThat(ledger.search.search(null, "C", 0, 10).items()).extracting(OfficialHit::officialId)
                .containsExactly("b", "c");
        assertThat(ledger.search.search("建", "K", 0, 10).items()).extracting(OfficialHit::officialId)
                .containsExactly("a");
    }

    @Test
    void paged_withABoundedPageSize() {
        SearchPage<OfficialHit> second = ledger.search.search(null, null, 1, 3);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(OfficialHit::officialId).containsExactly("d");
        assertThatThrownBy(() -> ledger.search.search(null, null, 0, OfficialSearch.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.search.search(null, null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A scan over 10,000 officials finds every match of a substring query. It prints the time per query (20 queries),
     * the measurement behind the choice of a scan (docs/views.md); it asserts no time, which a shared machine can
     * stretch at will.
     */
    @Test
    void aScanOf10000Officials_findsEveryMatch() {
        List<Document> documents = new ArrayList<>();
        String[] surnames = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
        for (int i = 0; i < 10_000; i++) {
            documents.add(new Document("_id", "gen-" + i).append("name", surnames[i % 10] + "某" + i)
                    .append("headSequence", 3L).append("places", List.of("jurisdiction/V" + (i % 2000)))
                    .append("tenures", List.of()));
        }
        ledger.store.database().getCollection(OfficialRecordProjection.OFFICIALS).insertMany(documents);
        ledger.search.search("某99", null, 0, 50);
        long start = System.nanoTime();
        SearchPage<OfficialHit> page = null;
        for (int i = 0; i < 20; i++) {
            page = ledger.search.search("某99", null, 0, 50);
        }
        long perQueryMillis = (System.nanoTime() - start) / 20 / 1_000_000;
        System.out.println("search over 10,000 officials: " + perQueryMillis + " ms per query");
        assertThat(page.total()).isEqualTo(111);
        assertThat(page.items()).hasSize(50).allSatisfy(hit -> assertThat(hit.name()).contains("某99"));
    }
}
