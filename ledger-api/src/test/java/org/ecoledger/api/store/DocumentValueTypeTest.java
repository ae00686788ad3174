package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** Documents go to disk as BSON and come back equal; everything else, and everything written before, as before. */
class DocumentValueTypeTest {

    private static Object roundTrip(org.h2.mvstore.type.DataType<Object> writer,
                                    org.h2.mvstore.type.DataType<Object> reader, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, value);
        writer.write(buffer, "sentinel"); // the reader must consume exactly what the writer wrote
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        Object read = reader.read(bytes);
        assertThat(reader.read(bytes)).isEqualTo("sentinel");
        assertThat(bytes.hasRemaining()).isFalse();
        return read;
    }

    static Document commit() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(new Document("g", 41L + i).append("seq", (long) i).append("hash", "ab".repeat(32))
                               .append("payload", new Document("name", "张三").append("topics", List.of("研究大气污染防治"))
                                                                                   .append("days", 12)
                                                                                   .append("share", 0.25)
                                                                                   .append("flag", true)
                                                                                   .append("none", null)));
        }
        return new Document("_id", 41L).append("ak", "official/o-1#0").append("events", events)
                                       .append("at", Instant.parse("2018-05-01T08:00:00.123Z"))
                                       .append("oid", new ObjectId());
    }

    @Test
    void aDocumentIsWrittenAsBson_andReadBackEqual() {
        DocumentValueType type = new DocumentValueType();
        Document document = commit();
        assertThat(roundTrip(type, type, document)).isEqualTo(document);

        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        assertThat(buffer.getBuffer().get(0)).isEqualTo(DocumentValueType.BSON_TAG);
        WriteBuffer serialized = new WriteBuffer();
        new ObjectDataType().write(serialized, document);
        assertThat(buffer.position()).as("BSON vs Java serialization, bytes")
                                     .isLessThan(serialized.position() / 2);
    }

    @Test
    void otherValuesAndEverythingObjectDataTypeWrote_readAsBefore() {
        DocumentValueType type = new DocumentValueType();
        ObjectDataType stock = new ObjectDataType();
        for (Object value : List.of(42L, "文本", 7, List.of(1, 2))) {
            assertThat(roundTrip(type, type, value)).isEqualTo(value);
        }
        Document document = commit();
        assertThat(roundTrip(stock, type, document)).isEqualTo(document);
        assertThat(roundTrip(stock, type, 42L)).isEqualTo(42L);
    }
    @Test
    void aDocumentsMemoryIsEstimatedFromItsFields_notAtObjectDataTypesFixed10000Bytes() {
        DocumentValueType type = new DocumentValueType();
        Document document = commit();
        WriteBuffer bson = new WriteBuffer();
        type.write(bson, document);
        int bytes = bson.position();
        // decoded, a document is a tree of maps, boxed numbers and strings: several times its BSON bytes
        assertThat(type.getMemory(document)).as("estimate of a %d-byte document", bytes)
                                            .isBetween(2 * bytes, 8 * bytes);
        Document bigger = commit().append("note", "x".repeat(5_000));
        assertThat(type.getMemory(bigger)).isGreaterThan(type.getMemory(document) + 10_000);
        assertThat(type.getMemory(42L)).isEqualTo(new ObjectDataType().getMemory(42L));
    }

    /** The MVStore splits a leaf page at ~16 KB of estimated memory: with 10,000 bytes a document, every page held one. */
    @Test
    void aCollectionsLeafPagesHoldManyDocuments() {
        MVStore store = new MVStore.Builder().open();
        MVMap<Object, Object> map = store.openMap("databases.t.c",
                new MVMap.Builder<Object, Object>().valueType(new DocumentValueType()));
        for (long i = 0; i < 2_000; i++) {
            map.put(i, new Document("_id", i).append("payload", "x".repeat(400)).append("n", i));
        }
        int leaves = 0;
        List<Page<Object, Object>> pages = new ArrayList<>(List.of(map.getRootPage()));
        while (!pages.isEmpty()) {
            Page<Object, Object> page = pages.remove(pages.size() - 1);
            if (page.isLeaf()) {
                leaves++;
            } else {
                for (int i = 0; i < page.getRawChildPageCount(); i++) {
                    pages.add(page.getChildPage(i));
                }
            }
        }
        assertThat(2_000.0 / leaves).as("documents a leaf page").isGreaterThan(5);
        store.close();
    }
}
