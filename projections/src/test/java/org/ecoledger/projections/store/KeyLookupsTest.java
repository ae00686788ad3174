package org.ecoledger.projections.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyLookupsTest {

    final TestStore store = TestStore.inMemory();

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void byIds_findsEveryKeyAcrossWindows_asDriverDocuments_andByIdAnswersNullForAnUnknownKey() {
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stored.add(new Document("_id", "official/" + i + "#0").append("n", i).append("big", 1L << 40)
                                                                   .append("tags", List.of("县", "乡")));
        }
        store.database().getCollection("view_test").insertMany(stored);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i += 2) {
            ids.add("official/" + i + "#0");
        }
        ids.add("official/missing#0");
        KeyLookups lookups = KeyLookups.overDriver(store.database());

        List<Document> found = lookups.byIds("view_test", ids);

        assertThat(found).hasSize(150);
        assertThat(found).extracting(document -> document.getString("_id"))
                         .containsExactlyInAnyOrderElementsOf(ids.subList(0, 150));
        Document first = lookups.byId("view_test", "official/0#0");
        assertThat(first.get("n")).isEqualTo(0);
        assertThat(first.get("big")).isEqualTo(1L << 40);
        assertThat(first.getList("tags", String.class)).containsExactly("县", "乡");
        assertThat(lookups.byId("view_test", "official/missing#0")).isNull();
        assertThat(lookups.byIds("absent", ids)).isEmpty();
    }
}
