package org.ecoledger.api.http;

import java.time.Clock;

import org.ecoledger.api.http.audit.AccessAudit;
import org.ecoledger.api.http.entries.EntryCommands;
import org.ecoledger.api.http.rulesets.RuleSetStore;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.mongodb.client.MongoDatabase;

/**
 * The HTTP API's pieces that are not controllers, and how it reads JSON: strictly. An unknown field, a duplicate
 * key, a number where a string belongs (or the reverse), a fraction where an integer belongs, or trailing content
 * is a 400 naming the field, never a silent guess. (The stored events have their own mapper, which web settings
 * cannot change: see {@code MessageSerializationConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class HttpConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                                  DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                                  DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                                  DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                                  JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                                   DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(HttpConfiguration::noScalarCoercion);
    }

    private static void noScalarCoercion(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    @Bean
    EntryCommands entryCommands(ObjectMapper mapper) {
        return new EntryCommands(mapper);
    }

    @Bean
    AccessAudit accessAudit(LedgerWriter writer) {
        return new AccessAudit(writer);
    }

    @Bean
    RuleSetStore ruleSetStore(MongoDatabase database, ObjectMapper mapper, Clock ledgerClock) {
        return new RuleSetStore(database, mapper, ledgerClock);
    }
}
