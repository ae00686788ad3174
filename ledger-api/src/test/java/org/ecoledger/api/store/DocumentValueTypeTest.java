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

    /** A value of any kind BSON carries, nested at random. */
    private static Object anyValue(java.util.SplittableRandom random, int depth) {
        int kinds = depth > 3 ? 14 : 17;
        return switch (random.nextInt(kinds)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> Double.longBitsToDouble(random.nextLong());
            case 4 -> random.nextBoolean();
            case 5 -> "官员" + random.nextInt(1000) + "\u00e9\ud83c\udf32" + "x".repeat(random.nextInt(40));
            case 6 -> Instant.ofEpochMilli(random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L));
            case 7 -> new ObjectId();
            case 8 -> new de.bwaldvogel.mongo.bson.BinData(new byte[] {1, 2, (byte) random.nextInt(256)});
            case 9 -> new java.util.UUID(random.nextLong(), random.nextLong());
            case 10 -> new de.bwaldvogel.mongo.bson.Decimal128(random.nextLong(), random.nextLong());
            case 11 -> new de.bwaldvogel.mongo.bson.BsonTimestamp(random.nextLong());
            case 12 -> "";
            case 13 -> de.bwaldvogel.mongo.bson.MaxKey.getInstance(); // not written by BsonWriter: the server's encoder
            case 14 -> {
                Document nested = new Document();
                for (int i = random.nextInt(5); i > 0; i--) {
                    nested.put("k" + random.nextInt(100) + "名", anyValue(random, depth + 1));
                }
                yield nested;
            }
            case 15 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(14); i > 0; i--) {
                    list.add(anyValue(random, depth + 1));
                }
                yield list;
            }
            default -> new java.util.LinkedHashSet<>(List.of("a", "b", "c" + random.nextInt(9)));
        };
    }

    private static boolean containsMaxKey(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            return map.values().stream().anyMatch(DocumentValueTypeTest::containsMaxKey);
        }
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().anyMatch(DocumentValueTypeTest::containsMaxKey);
        }
        return value instanceof de.bwaldvogel.mongo.bson.MaxKey;
    }

    @Test
    void theDirectBsonWriterGivesTheServersBytes_forEveryKindOfValue() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(2020);
        DocumentValueType type = new DocumentValueType();
        int direct = 0;
        for (int i = 0; i < 2_000; i++) {
            Document document = new Document("_id", (long) i);
            for (int f = random.nextInt(8); f > 0; f--) {
                document.put("f" + f, anyValue(random, 0));
            }
            byte[] expected = DocumentValueType.serverEncoded(document);
            try {
                assertThat(BsonWriter.encode(document)).as("%s", document).isEqualTo(expected);
                direct++;
            } catch (BsonWriter.Unsupported maxKey) {
                assertThat(containsMaxKey(document)).as("only a max key is left to the server: %s", document).isTrue();
            }
            // Either way the stored bytes are the server's, and read back equal (sets come back as lists).
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, document);
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            written.get();
            org.h2.mvstore.DataUtils.readVarInt(written);
            byte[] stored = new byte[written.remaining()];
            written.get(stored);
            assertThat(stored).isEqualTo(expected);
        }
        assertThat(direct).as("documents written directly").isGreaterThan(1_000);
        Document commit = commit();
        assertThat(BsonWriter.encode(commit)).isEqualTo(DocumentValueType.serverEncoded(commit));
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
