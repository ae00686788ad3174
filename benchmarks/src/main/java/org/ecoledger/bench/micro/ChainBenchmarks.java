package org.ecoledger.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.DomainEventMessage;
import org.ecoledger.bench.data.BenchCity;
import org.ecoledger.bench.data.BenchEvents;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The chain's per-entry work on a typical stored entry (a MEETING_HELD entry of the benchmark city, with the
 * metadata the application stores): its canonical encoding, its hash with SHA-256 and with SM3 (encoding included,
 * as {@link EntryHasher#hash} does it), and plain SHA-256 over the already encoded bytes.
 */
@State(Scope.Benchmark)
public class ChainBenchmarks {

    private EntryHasher sha256;
    private EntryHasher sm3;
    private ChainEntry entry;
    private byte[] canonical;
    private MessageDigest digest;

    @Setup
    public void setUp() throws Exception {
        BenchCity city = new BenchCity(1_000, 50);
        BenchCity.Step meeting = city.record(0).get(2);
        DomainEventMessage<?> message = BenchEvents.message(meeting, Instant.parse("2026-06-01T08:00:00Z"));
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode payload = mapper.valueToTree(message.getPayload());
        JsonNode metadata = mapper.valueToTree(message.getMetaData());
        entry = new ChainEntry(message.getType(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                               123_456, message.getIdentifier(), message.getPayloadType().getName(), "1",
                               DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()), payload, metadata,
                               HashAlgorithm.SHA_256.zeroHex().replace('0', 'a'));
        sha256 = new EntryHasher(HashAlgorithm.SHA_256);
        sm3 = new EntryHasher(HashAlgorithm.SM3);
        canonical = sha256.canonicalBytes(entry);
        digest = MessageDigest.getInstance("SHA-256");
    }

    /** The canonical bytes of one entry ({@code eco-ledger/entry/v1} + JCS). */
    @Benchmark
    public byte[] canonicalEncoding() {
        return sha256.canonicalBytes(entry);
    }

    /** The entry's hash with SHA-256: encoding and digest. */
    @Benchmark
    public String entryHashSha256() {
        return sha256.hash(entry);
    }

    /** The entry's hash with SM3 (Bouncy Castle): encoding and digest. */
    @Benchmark
    public String entryHashSm3() {
        return sm3.hash(entry);
    }

    /** Plain SHA-256 over the entry's canonical bytes, already encoded. */
    @Benchmark
    public byte[] sha256OfCanonicalBytes() {
        return digest.digest(canonical);
    }
}
