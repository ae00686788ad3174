package org.ecoledger.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.serialization.json.JacksonSerializer;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * An embedded MongoDB-wire server for tests, bound to loopback on a free port: in memory, or on an H2 file so
 * that it can be stopped and opened again.
 */
public final class TestStore implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoServer server;
    private final MongoClient client;
    private final String connectionString;
    private boolean stopped;

    private TestStore(MongoBackend backend) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
        this.client = MongoClients.create(connectionString + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
    }

    public static TestStore inMemory() {
        return new TestStore(new MemoryBackend());
    }

    public static TestStore onFile(Path file) {
        return new TestStore(new H2Backend(file.toString()));
    }

    public MongoDatabase database() {
        return client.getDatabase("ledger");
    }

    public MongoClient client() {
        return client;
    }

    public String connectionString() {
        return connectionString;
    }

    public MongoBackend backend() {
        return backend;
    }

    /** Stops the server (and commits an H2 file) while clients may still be using it. */
    public synchronized void stopServer() {
        if (!stopped) {
            stopped = true;
            server.shutdownNow();
        }
    }

    @Override
    public void close() {
        client.close();
        stopServer();
    }

    /** The serializer the ledger uses: Jackson with ISO dates. */
    public static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
