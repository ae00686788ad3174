package org.ecoledger.api.messaging;

import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mapper Axon serializes commands, events and queries with ({@code axon.serializer.* = jackson}).
 *
 * <p>A stored event's JSON is a storage format, so it gets its own mapper that web settings cannot change: Java time
 * types as ISO-8601 strings, nothing else registered implicitly. Axon picks the bean by its name,
 * {@code defaultAxonObjectMapper}. Because defining it makes Spring Boot skip its own {@code ObjectMapper}, the web's
 * mapper is built here from Boot's builder (so {@code spring.jackson.*} still applies) and marked primary.
 */
@Configuration(proxyBeanMethods = false)
public class MessageSerializationConfiguration {

    /** The bean name Axon's auto-configuration looks up for its Jackson serializers. */
    public static final String AXON_OBJECT_MAPPER = "defaultAxonObjectMapper";

    @Bean(AXON_OBJECT_MAPPER)
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    /** The web's mapper, as {@link JacksonAutoConfiguration} would have built it. */
    @Bean
    @Primary
    ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }
}
