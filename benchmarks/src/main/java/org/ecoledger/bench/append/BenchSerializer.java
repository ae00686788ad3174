package org.ecoledger.bench.append;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/** The serializers of the ledger's configuration (Jackson, ISO dates), for both engines of a benchmark. */
final class BenchSerializer {

    private BenchSerializer() {
    }

    static JacksonSerializer events() {
        return JacksonSerializer.builder().objectMapper(mapper()).build();
    }

    /** Snapshots hold an aggregate's private state: fields, not getters. */
    static JacksonSerializer snapshots() {
        ObjectMapper mapper = mapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                                 .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
