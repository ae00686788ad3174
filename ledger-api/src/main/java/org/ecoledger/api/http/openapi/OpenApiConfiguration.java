package org.ecoledger.api.http.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.http.idempotency.IdempotencyFilter;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.security.SignInLimits;
import org.ecoledger.core.record.EntryType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), generated from the
 * controllers and completed here: the security schemes, the problem-detail error model on every operation, the
 * {@code Idempotency-Key} and {@code X-Purpose} headers, and for the entries endpoint the fields of every entry type
 * and an example body per type ({@link EntryExamples}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String ENTRIES_PATH = "/api/v1/officials/{officialId}/entries";

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Eco-environment accountability ledger").version("v1")
                                .description("A tamper-evident ledger of officials' ecological-environment duties "
                                                     + "(党政同责、一岗双责、终身追责). Roles: RECORDER, ORGANIZATION, "
                                                     + "DISCIPLINE, AUDITOR, ADMIN (see docs/http-api.md)."))
                .components(new Components())
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }

    /** The security schemes and the error model, added once springdoc has built its components. */
    private static void addComponents(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Schema<?> fieldProblem = new ObjectSchema().addProperty("field", new StringSchema())
                                                   .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem detail; clients match on type (and rule), never on detail")
                .addProperty("type", new StringSchema().format("uri-reference").example("/problems/rule-violation")
                                                       ._enum(typeUris()))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem")))
                .addProperty("rule", new StringSchema().description("the broken rule's code (409 rule-violation), "
                                                                            + "see docs/rules.md")
                                                       .example("POST_NOT_HELD_ON_DATE"))
                .addProperty("limit", new StringSchema().description("the exceeded limit (RequestLimits)")
                                                        .example("MAX_STRING_LENGTH"));
        openApi.getComponents()
               .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                       .description("HTTP Basic. Failed sign-ins are limited: after "
                               + SignInLimits.DEFAULT_MAX_FAILURES_PER_USER + " failures of a user name from a client "
                               + "address (" + SignInLimits.DEFAULT_MAX_FAILURES_PER_ADDRESS + " from an address, "
                               + "whatever the names) within " + SignInLimits.DEFAULT_WINDOW.toMinutes()
                               + " minutes, further sign-ins are answered 429 too-many-sign-in-failures with "
                               + "Retry-After, without checking the password (defaults; ledger.security.sign-in.*)"))
               .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                                                     .scheme("bearer").bearerFormat("JWT"))
               .addSchemas("FieldProblem", fieldProblem)
               .addSchemas(PROBLEM, problem);
    }

    private static List<String> typeUris() {
        return java.util.Arrays.stream(ProblemType.values()).map(type -> type.type().toString()).toList();
    }

    @Bean
    OpenApiCustomizer ledgerOperations() {
        return openApi -> {
            addComponents(openApi);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.readOperationsMap().entrySet()) {
                    addProblems(operation.getKey(), operation.getValue());
                    if (operation.getKey() == PathItem.HttpMethod.POST) {
                        operation.getValue().addParametersItem(new HeaderParameter()
                                .name(IdempotencyFilter.HEADER).required(false).schema(new StringSchema()
                                        .maxLength(200))
                                .description("The same key and body again answer the first answer and append "
                                                     + "nothing; another body with the key is 409"));
                    }
                    if (operation.getKey() == PathItem.HttpMethod.GET && path.startsWith("/api/v1/officials/{")) {
                        operation.getValue().addParametersItem(new HeaderParameter()
                                .name("X-Purpose").required(false).schema(new StringSchema())
                                .description("Why the record is read (查阅事由), UTF-8, may be percent-encoded; "
                                                     + "recorded in the access log"));
                    }
                }
            });
            PathItem entries = openApi.getPaths().get(ENTRIES_PATH);
            if (entries != null && entries.getPost() != null) {
                entries.getPost().requestBody(entryBody());
            }
        };
    }

    private static void addProblems(PathItem.HttpMethod method, Operation operation) {
        List<HttpStatus> statuses = method == PathItem.HttpMethod.POST
                ? List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
                          HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.PAYLOAD_TOO_LARGE,
                          HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.TOO_MANY_REQUESTS,
                          HttpStatus.SERVICE_UNAVAILABLE)
                : List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
                          HttpStatus.NOT_FOUND, HttpStatus.NOT_ACCEPTABLE, HttpStatus.TOO_MANY_REQUESTS,
                          HttpStatus.SERVICE_UNAVAILABLE);
        for (HttpStatus status : statuses) {
            String code = Integer.toString(status.value());
            // Replaces whatever springdoc inferred from the advice's handlers: every error is a problem detail.
            if (operation.getResponses() != null) {
                operation.getResponses().addApiResponse(code, new ApiResponse()
                        .description(status.getReasonPhrase())
                        .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE, new MediaType().schema(
                                new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        }
    }

    private static RequestBody entryBody() {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (EntryExamples.Example example : EntryExamples.STORY) {
            examples.put(example.type().name(), new Example().summary(example.type().name())
                                                             .value(example.body()));
        }
        String table = java.util.Arrays.stream(EntryType.values())
                                       .map(type -> "| " + type + " | " + String.join(", ", type.requiredFields())
                                               + " | " + String.join(", ", type.optionalFields()) + " |")
                                       .collect(Collectors.joining("\n"));
        Schema<?> schema = new ObjectSchema()
                .addProperty("type", new StringSchema()._enum(java.util.Arrays.stream(EntryType.values())
                                                                               .map(Enum::name).toList()))
                .addProperty("occurredOn", new StringSchema().format("date"))
                .addProperty("sourceDocument", new StringSchema().description("文号, optional"))
                .additionalProperties(true)
                .required(List.of("type", "occurredOn"));
        return new RequestBody().required(true)
                .description("{type, occurredOn, sourceDocument, ...fields}; the fields of each type:\n\n"
                                     + "| type | required | optional |\n| --- | --- | --- |\n" + table)
                .content(new Content().addMediaType("application/json",
                                                    new MediaType().schema(schema).examples(examples)));
    }
}
