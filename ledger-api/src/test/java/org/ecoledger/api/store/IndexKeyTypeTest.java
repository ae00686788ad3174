package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The faster index key type orders keys exactly as H2's own type does, and files move freely between the two. */
class IndexKeyTypeTest {

    @TempDir
    Path dataDir;

    private static Object value(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> random.nextLong(-1_000, 1_000);
            case 2 -> random.nextInt(-1_000, 1_000);
            case 3 -> random.nextInt(-1_000, 1_000) / 8.0;
            case 4 -> random.nextBoolean();
            case 5 -> new de.bwaldvogel.mongo.bson.Document("k", random.nextInt(10)).append("j", random.nextInt(3));
            default -> "official/o-" + random.nextInt(500) + "#" + random.nextInt(50);
        };
    }

    @Test
    void comparesEveryPairOfKeysExactlyAsObjectDataType() {
        SplittableRandom random = new SplittableRandom(2018);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int size = 1 + random.nextInt(3);
            Object[] values = new Object[size];
            for (int v = 0; v < size; v++) {
                values[v] = value(random);
            }
            keys.add(new KeyValue(values));
        }
        ObjectDataType original = new ObjectDataType();
        IndexKeyType faster = new IndexKeyType();
        int compared = 0;
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                // Fresh equal copies too, as the store compares a search key with keys read back from a page.
                KeyValue copy = new KeyValue(b.stream().toList());
                assertThat(Integer.signum(faster.compare(a, copy)))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(original.compare(a, b)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(22_500);
    }

    /** One value of the kinds {@link SingleValueKeys} decides, over their whole ranges and awkward corners. */
    private static Object singleValue(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (double) random.nextLong(-5_000_000, 5_000_000);
            case 2 -> new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, -Double.MAX_VALUE, 1.0, -1.0}[random.nextInt(9)];
            case 3 -> random.nextLong();
            case 4 -> random.nextInt();
            case 5 -> "official/o-" + random.nextInt(1_000_000) + "#" + random.nextInt(500);
            case 6 -> {
                // Any chars at all: NUL, ASCII, two- and three-byte chars, lone and paired surrogates.
                char[] chars = new char[random.nextInt(6)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = switch (random.nextInt(5)) {
                        case 0 -> (char) 0;
                        case 1 -> (char) random.nextInt(0x7E, 0x82);
                        case 2 -> (char) random.nextInt(0x7FE, 0x802);
                        case 3 -> (char) random.nextInt(0xD7FF, 0xE001);
                        default -> (char) random.nextInt(0x10000);
                    };
                }
                yield new String(chars);
            }
            case 7 -> "\u4e2d\u5171" + "\u53bf".repeat(random.nextInt(3)) + random.nextInt(10);
            // Around the longest string the short tag holds (65,535 bytes), on both sides.
            default -> "a".repeat(65_533 + random.nextInt(4)) + (random.nextBoolean() ? "" : "\u00e9");
        };
    }

    @Test
    void singleValueKeysAreDecidedWithoutSerializing_inExactlyTheOrderAndBytesOfObjectDataType() {
        assertThat(SingleValueKeys.allConfirmed()).as("the serialized layout holds on this JVM").isTrue();
        SplittableRandom random = new SplittableRandom(2017);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            keys.add(new KeyValue(singleValue(random)));
        }
        ObjectDataType original = new ObjectDataType();
        IndexKeyType faster = new IndexKeyType();
        List<byte[]> serialized = keys.stream().map(ObjectDataType::serialize).toList();
        int decided = 0;
        for (int i = 0; i < keys.size(); i++) {
            KeyValue a = keys.get(i);
            for (int j = 0; j < keys.size(); j++) {
                KeyValue b = new KeyValue(keys.get(j).stream().toList());
                int expected = Integer.signum(ObjectDataType.compareNotNull(serialized.get(i), serialized.get(j)));
                assertThat(Integer.signum(faster.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
                int direct = SingleValueKeys.compare(a, b);
                if (direct != SingleValueKeys.UNDECIDED) {
                    assertThat(Integer.signum(direct)).isEqualTo(expected);
                    decided++;
                }
            }
            byte[] written = written(original, a);
            assertThat(faster.read(java.nio.ByteBuffer.wrap(written))).as("%s as H2 wrote it", a).isEqualTo(a);
            byte[] ours = written(faster, a);
            assertThat(faster.read(java.nio.ByteBuffer.wrap(ours))).as("%s as written here", a).isEqualTo(a);
            if (SingleValueKeys.serializedLength(a) == 0) {
                assertThat(ours).as("bytes of %s", a).isEqualTo(written);
            }
            if (SingleValueKeys.serializedLength(a) > 0) {
                assertThat(SingleValueKeys.serializedLength(a)).isEqualTo(serialized.get(i).length);
            }
        }
        // Only pairs of one kind are decided directly; most pairs of this set are.
        assertThat(decided).isGreaterThan(keys.size() * keys.size() / 4);
    }

    @Test
    void writesEveryKeyByteForByteAsObjectDataType_twice_andReadsItBack() {
        SplittableRandom random = new SplittableRandom(2019);
        ObjectDataType original = new ObjectDataType();
        IndexKeyType faster = new IndexKeyType();
        for (int i = 0; i < 300; i++) {
            int size = 1 + random.nextInt(3);
            Object[] values = new Object[size];
            for (int v = 0; v < size; v++) {
                values[v] = value(random);
            }
            KeyValue key = new KeyValue(values);
            byte[] expected = written(original, key);
            assertThat(faster.read(java.nio.ByteBuffer.wrap(expected))).as("%s as H2 wrote it", key).isEqualTo(key);
            if (SingleValueKeys.serializedLength(key) > 0) {
                // One number or one string: written compactly, read back equal.
                byte[] compact = written(faster, key);
                assertThat(compact[0]).isEqualTo(SingleValueKeys.COMPACT_TAG);
                assertThat(compact.length).isLessThan(expected.length);
                assertThat(faster.read(java.nio.ByteBuffer.wrap(compact))).as("%s compact", key).isEqualTo(key);
                // Estimated at its heap size, not at twice its serialized length.
                int chars = key.get(0) instanceof String text ? text.length() : 0;
                assertThat(faster.getMemory(key)).as("memory of %s", key).isBetween(96, 200 + 2 * chars)
                        .isLessThan(2 * expected.length);
                continue;
            }
            // The second write of a plain key comes from memory: it must still be the same bytes.
            assertThat(written(faster, key)).as("%s", key).isEqualTo(expected);
            assertThat(written(faster, new KeyValue(key.stream().toList()))).as("%s again", key).isEqualTo(expected);
            if (IndexKeyType.plain(key)) {
                assertThat(faster.getMemory(key)).as("memory of %s", key).isBetween(1, 4 * expected.length);
            }
        }
    }

    private static byte[] written(org.h2.mvstore.type.DataType<Object> type, Object key) {
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        type.write(buffer, key);
        java.nio.ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    @Test
    void aStoreWrittenByTheStockBackendOpensWithTheLedgers_andFindsEveryKey() {
        Path file = dataDir.resolve("store.mv");
        // Written by the stock backend (Java-serialized documents, default key type), then read and extended by the
        // ledger's (BSON documents, faster key comparisons): both kinds of entries stay readable.
        write(file, false, 0, 1_500);
        assertEveryKeyFound(file, false, 1_500);
        write(file, true, 1_500, 3_000);
        assertEveryKeyFound(file, true, 3_000);
    }

    @Test
    void indexKeysWrittenByH2sTypeAreFoundWithTheLedgers_andPagesOfBothFormsMix() {
        // A file's index map written with H2's type is read, extended and rewritten with the ledger's (whose compact
        // keys H2's type cannot read): every key, of either form, is found; the order is the same, so the B-tree holds.
        Path file = dataDir.resolve("keys.mv");
        SplittableRandom random = new SplittableRandom(11);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            keys.add(i % 3 == 0 ? new KeyValue((double) (random.nextLong(-1_000_000, 1_000_000) * 10_000 + i))
                     : new KeyValue("official/o-" + random.nextInt(1_000_000) + "#" + i));
        }
        MVStore store = MVStore.open(file.toString());
        var stock = store.<KeyValue, Object>openMap("index");
        for (int i = 0; i < 3_000; i++) {
            stock.put(keys.get(i), (long) i);
        }
        store.close();
        store = MVStore.open(file.toString());
        var faster = store.openMap("index", new org.h2.mvstore.MVMap.Builder<KeyValue, Object>()
                .keyType(new IndexKeyType()));
        for (int i = 3_000; i < keys.size(); i++) {
            faster.put(keys.get(i), (long) i);
        }
        store.close();
        store = MVStore.open(file.toString());
        var reopened = store.openMap("index", new org.h2.mvstore.MVMap.Builder<KeyValue, Object>()
                .keyType(new IndexKeyType()));
        for (int i = 0; i < keys.size(); i++) {
            assertThat(reopened.get(keys.get(i))).as("key %d", i).isEqualTo((long) i);
        }
        // Iteration follows H2's order of serialized bytes, whichever form each key was written in.
        KeyValue previous = null;
        ObjectDataType original = new ObjectDataType();
        for (KeyValue key : reopened.keySet()) {
            if (previous != null) {
                assertThat(original.compare(previous, key)).as("%s before %s", previous, key).isNegative();
            }
            previous = key;
        }
        assertThat(reopened.size()).isEqualTo(keys.size());
        store.close();
    }

    private static H2Backend backend(MVStore store, boolean ledger) {
        return ledger ? new LedgerH2Backend(store) : new H2Backend(store);
    }

    private static void write(Path file, boolean ledger, int from, int to) {
        MVStore store = MVStore.open(file.toString());
        H2Backend backend = backend(store, ledger);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            events.createIndex(Indexes.ascending("ak"), new IndexOptions().unique(true).sparse(true));
            for (int i = from; i < to; i++) {
                events.insertOne(new Document("_id", (long) i).append("ak", "official/o-" + (i % 97) + "#" + i));
            }
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private static void assertEveryKeyFound(Path file, boolean ledger, int count) {
        MVStore store = MVStore.open(file.toString());
        MongoServer server = new MongoServer(backend(store, ledger));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            SplittableRandom random = new SplittableRandom(7);
            for (int probe = 0; probe < 500; probe++) {
                int i = random.nextInt(count);
                assertThat(events.find(new Document("_id", (long) i)).first()).as("_id %d", i).isNotNull();
                assertThat(events.find(new Document("ak", "official/o-" + (i % 97) + "#" + i)).first())
                        .as("ak of %d", i).isNotNull();
            }
            // A duplicate of an existing unique key is still refused.
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(
                    com.mongodb.MongoWriteException.class,
                    () -> events.insertOne(new Document("_id", -1L).append("ak", "official/o-0#0")))
                               .getError().getCode()).isEqualTo(11000);
            assertThat(events.countDocuments()).isEqualTo(count);
            assertThat(store.getMapNames()).contains("ledger.events._index_ak_1", "ledger.events._index__id_");
            for (String index : List.of("ledger.events._index_ak_1", "ledger.events._index__id_")) {
                assertThat(store.openMap(index).getKeyType()).as(index)
                        .isInstanceOf(ledger ? IndexKeyType.class : ObjectDataType.class);
            }
            assertThat(store.openMap("databases.ledger.events").getValueType())
                    .isInstanceOf(ledger ? DocumentValueType.class : ObjectDataType.class);
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private static String hostAndPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return address.getHostString() + ":" + address.getPort();
    }
}
