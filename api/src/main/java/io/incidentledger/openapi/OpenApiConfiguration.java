package io.incidentledger.openapi;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.incidentledger.problems.ProblemCatalogue;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: API-key security, the write headers, and the problem detail codes. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI incidentLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Incident Ledger").version("v1").description(description()))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The same API key, as Authorization: Bearer <key>"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Every write (an operation taking the Write context) documents its headers and problem answers. */
    @Bean
    OperationCustomizer writeHeaders() {
        return (operation, handler) -> {
            var isWrite = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType().getSimpleName().equals("Write"));
            if (!isWrite) {
                return operation;
            }
            operation.addParametersItem(header("Idempotency-Key", "Makes a retry safe: a repeat with the same key "
                    + "and body returns the first answer and records nothing (kept 24 h)."));
            operation.addParametersItem(header("If-Match", "The incident's version as the ETag gave it, e.g. \"3\": "
                    + "the write happens only if the incident is still at that version (else 412)."));
            operation.addParametersItem(header("X-Correlation-Id", "Your id for this request (1-64 safe "
                    + "characters); generated when absent; echoed, and stored as traceId on the events."));
            for (var status : new String[] {"400", "401", "403", "404", "409", "412", "413", "415", "422"}) {
                operation.getResponses().addApiResponse(status, new ApiResponse()
                        .description("Problem detail; see the code table in the API description")
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
            return operation;
        };
    }

    private static HeaderParameter header(String name, String description) {
        var parameter = new HeaderParameter();
        parameter.name(name).description(description).required(false).schema(new StringSchema());
        return parameter;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem detail with a stable code")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema()._enum(ProblemCatalogue.codes().keySet().stream().toList()))
                .addProperty("correlationId", new StringSchema())
                .addProperty("errors", new Schema<>().type("array").description("[{field, message}] for VALIDATION_FAILED"));
    }

    private static String description() {
        var table = ProblemCatalogue.codes().entrySet().stream()
                .map(e -> "| " + e.getKey() + " | " + e.getValue() + " |")
                .collect(Collectors.joining("\n"));
        return """
                Event-sourced incident timelines. Authenticate with an API key in `X-API-Key` (or \
                `Authorization: Bearer <key>`). Roles: RESPONDER (writes and internal reads), VIEWER \
                (internal reads), AUDITOR (audit reads and exports), ADMIN (everything).

                Every write answers `{incidentId, version}` with `ETag: "<version>"`; 201 with Location for \
                a new incident. Every refusal is an `application/problem+json` problem detail with a stable `code`:

                | code | status |
                |---|---|
                """ + table;
    }
}
