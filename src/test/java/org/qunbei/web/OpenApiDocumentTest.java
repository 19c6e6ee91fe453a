package org.qunbei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The API's OpenAPI 3.1 document, which the school's other systems write against: served to
 * signed-in users only, and committed as docs/openapi.json. The test fails when the two differ;
 * {@code -Dqunbei.openapi.write=true} writes the running app's document there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest {

  static final Path COMMITTED = Path.of("docs/openapi.json");

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @Test
  void theCommittedDocumentIsTheRunningApisAndOnlySignedInUsersReadIt() throws Exception {
    assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getStatus())
        .isIn(302, 401);
    String served =
        mvc.perform(get("/v3/api-docs").with(httpBasic("applicant", "demo123")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode doc = Api.JSON.readTree(served);
    assertThat(doc.path("openapi").asString()).startsWith("3.1");
    assertThat(doc.path("paths").has("/api/filings/{id}/changes")).isTrue();
    // The caller is their session or token, never a parameter; a query taken as a map is listed
    // parameter by parameter, as its query class reads it.
    var asked = new java.util.ArrayList<String>();
    doc.path("paths")
        .forEach(
            ops ->
                ops.forEach(
                    op ->
                        op.path("parameters").forEach(p -> asked.add(p.path("name").asString()))));
    assertThat(asked).doesNotContain("user", "params");
    java.util.function.Function<String, java.util.List<String>> parametersOf =
        path -> {
          var names = new java.util.ArrayList<String>();
          doc.path("paths")
              .path(path)
              .path("get")
              .path("parameters")
              .forEach(p -> names.add(p.path("name").asString()));
          return names;
        };
    var registry = org.qunbei.registry.RegistryQuery.PARAMETERS_EXPLAINED.keySet();
    assertThat(parametersOf.apply("/api/filings")).containsExactlyElementsOf(registry);
    assertThat(parametersOf.apply("/api/filings/export"))
        .as("an export takes every line: nothing that pages")
        .containsExactlyElementsOf(
            registry.stream()
                .filter(p -> !org.qunbei.registry.RegistryQuery.PAGING.contains(p))
                .toList());
    assertThat(parametersOf.apply("/api/audit"))
        .containsExactly("filing", "actor", "action", "from", "to", "page", "size");
    String pretty = Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
    if (Boolean.getBoolean("qunbei.openapi.write")) {
      Files.writeString(COMMITTED, pretty);
    }
    assertThat(Files.exists(COMMITTED)).as("docs/openapi.json is committed").isTrue();
    assertThat(Api.JSON.readTree(Files.readString(COMMITTED)))
        .as(
            "docs/openapi.json differs from the running API: run this test with"
                + " -Dqunbei.openapi.write=true and commit the file")
        .isEqualTo(doc);
  }
}
