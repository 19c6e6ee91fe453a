package org.qunbei.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fields only the server sets (a filing's status, number, department, group, decisions, version,
 * author, id; an account's roles; a token's owner) sent in every body that creates or changes
 * something: each is ignored or refused with a 400, never applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MassAssignmentIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private Api as(String user) {
    return Api.as(port, user);
  }

  /** What a forger adds: another group's id and filing's id, a number, a final status. */
  private static ObjectNode forged(ObjectNode body, JsonNode other) {
    body.put("status", "FILED")
        .put("number", "QB-2026-99999")
        .put("groupId", other.path("groupId").asLong())
        .put("decision", "APPROVE")
        .put("version", 99)
        .put("createdBy", "applicant2")
        .put("id", other.path("id").asLong())
        .put("currentStep", "LEADER")
        .put("origin", "PAPER")
        .put("filedAt", "2026-01-01T00:00:00Z");
    body.putArray("decisions").addObject().put("step", "LEADER").put("decision", "APPROVE");
    return body;
  }

  private JsonNode mathFiling() {
    Api.Reply r = as("applicant2").post("/api/filings", Matrix.filingBody("MATH"));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json();
  }

  private JsonNode filed(String applicant, String dept, String head) {
    long id =
        as(applicant).post("/api/filings", Matrix.filingBody(dept)).json().path("id").asLong();
    assertThat(as(applicant).post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    for (String decider : new String[] {head, "secrecy", "cyberoffice", "leader"}) {
      Api.Reply d =
          as(decider)
              .post(
                  "/api/filings/" + id + "/decisions",
                  "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
      assertThat(d.status()).as(decider + " " + d.text()).isEqualTo(200);
    }
    return as(applicant).get("/api/filings/" + id).json();
  }

  /** Which of the two safe answers each body got, for whoever reads the test's output. */
  private static Api.Reply answered(String what, Api.Reply r) {
    System.out.println("MassAssignmentIT: " + what + " → " + r.status());
    return r;
  }

  private static ObjectNode json(String text) {
    return (ObjectNode) Api.JSON.readTree(text);
  }

  /** Refused as a whole, or stored as the server decides: a draft of its own, in its group. */
  private void ownDraft(Api.Reply r, JsonNode other) {
    answered("draft", r);
    if (r.status() == 400) {
      return;
    }
    assertThat(r.status()).as(r.text()).isBetween(200, 201);
    JsonNode stored = as("applicant").get("/api/filings/" + r.json().path("id").asLong()).json();
    assertThat(stored.path("departmentCode").asString()).isEqualTo("CS");
    assertThat(stored.path("status").asString()).isEqualTo("DRAFT");
    assertThat(stored.path("number").isNull()).as("number").isTrue();
    assertThat(stored.path("groupId").asLong()).isNotEqualTo(other.path("groupId").asLong());
    assertThat(stored.path("id").asLong()).isNotEqualTo(other.path("id").asLong());
    assertThat(stored.path("createdBy").asString()).isEqualTo("applicant");
    assertThat(stored.path("origin").asString()).isNotEqualTo("PAPER");
    assertThat(stored.path("version").asLong()).isNotEqualTo(99);
    assertThat(stored.path("decisions").size()).isZero();
    assertThat(stored.path("filedAt").isNull()).isTrue();
  }

  @Test
  void aNewOrEditedDraftKeepsWhatOnlyTheServerSets() {
    JsonNode other = mathFiling();
    Api.Reply created =
        as("applicant")
            .post("/api/filings", forged(json(Matrix.filingBody("CS")), other).toString());
    ownDraft(created, other);

    long id =
        as("applicant").post("/api/filings", Matrix.filingBody("CS")).json().path("id").asLong();
    Api.Reply edited =
        as("applicant")
            .put(
                "/api/filings/" + id,
                forged(json(Matrix.filingBody("CS")), other).toString(),
                null);
    answered("draft edit", edited);
    if (edited.status() != 400) {
      assertThat(edited.json().path("id").asLong()).isEqualTo(id);
    }
    ownDraft(as("applicant").get("/api/filings/" + id), other);
  }

  @Test
  void anotherDepartmentInTheBodyIsRefusedByName() {
    Api.Reply created = as("applicant").post("/api/filings", Matrix.filingBody("MATH"));
    assertThat(created.status()).as(created.text()).isEqualTo(400);
    assertThat(created.error("departmentCode")).isNotBlank();

    long id =
        as("applicant").post("/api/filings", Matrix.filingBody("CS")).json().path("id").asLong();
    Api.Reply edited = as("applicant").put("/api/filings/" + id, Matrix.filingBody("MATH"), null);
    assertThat(edited.status()).as(edited.text()).isEqualTo(400);
    assertThat(edited.error("departmentCode")).isNotBlank();
    assertThat(as("applicant").get("/api/filings/" + id).json().path("departmentCode").asString())
        .isEqualTo("CS");
  }

  @Test
  void aChangeFilingOrDissolutionStaysInItsGroupAndDepartment() {
    JsonNode other = filed("applicant2", "MATH", "depthead2");
    JsonNode current = filed("applicant", "CS", "depthead");
    String today = LocalDate.now().toString();

    ObjectNode change =
        forged(json("{\"changedOn\":\"" + today + "\",\"reason\":\"更换群主\"}"), other);
    change.put("departmentCode", "MATH").put("previousId", other.path("id").asLong());
    Api.Reply started =
        as("applicant")
            .post("/api/filings/" + current.path("id").asLong() + "/changes", change.toString());
    answered("change filing", started);
    if (started.status() != 400) {
      assertThat(started.status()).as(started.text()).isEqualTo(201);
      JsonNode c = as("applicant").get("/api/filings/" + started.json().path("id").asLong()).json();
      assertThat(c.path("departmentCode").asString()).isEqualTo("CS");
      assertThat(c.path("groupId").asLong()).isEqualTo(current.path("groupId").asLong());
      assertThat(c.path("previousId").asLong()).isEqualTo(current.path("id").asLong());
      assertThat(c.path("status").asString()).isEqualTo("DRAFT");
      assertThat(c.path("number").asString("")).isNotEqualTo("QB-2026-99999");
      assertThat(c.path("kind").asString()).isEqualTo("CHANGE");
    }

    JsonNode ending = filed("applicant", "CS", "depthead");
    ObjectNode dissolution =
        forged(json("{\"dissolvedOn\":\"" + today + "\",\"reason\":\"项目结束\"}"), other);
    dissolution.put("status", "DISSOLVED").put("departmentCode", "MATH");
    long endingId = ending.path("id").asLong();
    Api.Reply reported =
        as("applicant").post("/api/filings/" + endingId + "/dissolution", dissolution.toString());
    answered("dissolution", reported);
    if (reported.status() != 400) {
      assertThat(reported.status()).as(reported.text()).isEqualTo(201);
    }
    JsonNode after = as("applicant").get("/api/filings/" + endingId).json();
    assertThat(after.path("status").asString()).isEqualTo("FILED");
    assertThat(after.path("number").asString()).isEqualTo(ending.path("number").asString());
    assertThat(after.path("departmentCode").asString()).isEqualTo("CS");
    assertThat(after.path("groupId").asLong()).isEqualTo(ending.path("groupId").asLong());
    assertThat(after.path("dissolvedAt").isNull()).isTrue();
  }

  @Test
  void aDecisionDecidesOneStepAsItsDecider() {
    long id =
        as("applicant").post("/api/filings", Matrix.filingBody("CS")).json().path("id").asLong();
    assertThat(as("applicant").post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    String number = as("applicant").get("/api/filings/" + id).json().path("number").asString();
    ObjectNode body = json("{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
    body.put("status", "FILED")
        .put("currentStep", "LEADER")
        .put("step", "LEADER")
        .put("number", "QB-2026-99999")
        .put("decidedBy", "leader")
        .put("round", 7)
        .put("departmentCode", "MATH")
        .put("groupId", 1)
        .put("version", 99);
    Api.Reply decided = as("depthead").post("/api/filings/" + id + "/decisions", body.toString());
    assertThat(decided.status()).as(decided.text()).isIn(200, 400);
    JsonNode f = as("applicant").get("/api/filings/" + id).json();
    assertThat(f.path("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(f.path("number").asString()).isEqualTo(number);
    assertThat(f.path("departmentCode").asString()).isEqualTo("CS");
    answered("decision", decided);
    if (decided.status() == 200) {
      assertThat(f.path("currentStep").asString()).isEqualTo("CONFIDENTIALITY");
      JsonNode last = f.path("decisions").get(f.path("decisions").size() - 1);
      assertThat(last.path("decidedBy").asString()).isEqualTo("depthead");
      assertThat(last.path("step").asString()).isEqualTo("DEPARTMENT");
      assertThat(last.path("round").asInt()).isNotEqualTo(7);
    }
  }

  @Test
  void aTokenIsTheCallersWhateverTheBodyNames() {
    Api.Reply made =
        as("applicant")
            .post(
                "/api/me/tokens",
                "{\"name\":\"矩阵\",\"days\":30,\"username\":\"applicant2\",\"owner\":\"applicant2\","
                    + "\"id\":1,\"expiresAt\":\"2099-01-01T00:00:00Z\",\"active\":true}");
    assertThat(made.status()).as(made.text()).isIn(201, 400);
    answered("token", made);
    if (made.status() == 201) {
      long id = made.json().path("info").path("id").asLong();
      assertThat(as("applicant").get("/api/me/tokens").text()).contains("\"id\":" + id);
      assertThat(as("applicant2").get("/api/me/tokens").text()).doesNotContain("矩阵");
      assertThat(made.json().path("info").path("expiresAt").asString()).doesNotStartWith("2099");
    }
  }

  @Test
  void anAccountGetsItsRolesOnlyFromTheSecurityAdministrator() {
    Api.Reply created =
        as("admin")
            .post(
                "/api/admin/users",
                "{\"username\":\"mauser\",\"name\":\"赋值\",\"department\":\"MATH\",\"enabled\":true,"
                    + "\"roles\":[\"SYSTEM_ADMIN\",\"CYBERSPACE_OFFICE\"],\"password\":\"Aa1!aaaaaa\","
                    + "\"mustChangePassword\":false,\"id\":1}");
    assertThat(created.status()).as(created.text()).isIn(201, 400);
    answered("account", created);
    if (created.status() == 201) {
      assertThat(created.json().path("initialPassword").asString()).isNotEqualTo("Aa1!aaaaaa");
      JsonNode account = account("mauser");
      assertThat(account.path("roles").toString()).doesNotContain("SYSTEM_ADMIN", "CYBERSPACE");
      assertThat(account.path("mustChangePassword").asBoolean()).isTrue();

      Api.Reply accountEdited =
          as("admin")
              .put(
                  "/api/admin/users/mauser",
                  "{\"name\":\"赋值\",\"department\":\"MATH\",\"enabled\":true,"
                      + "\"roles\":[\"SECURITY_ADMIN\"],\"username\":\"admin\"}",
                  null);
      answered("account edit", accountEdited);
      assertThat(accountEdited.status()).as(accountEdited.text()).isIn(200, 400);
      assertThat(account("mauser").path("roles").toString()).doesNotContain("ADMIN");
      assertThat(account("admin").path("displayName").asString("")).isNotEqualTo("赋值");
      assertThat(account("admin").path("name").asString("")).isNotEqualTo("赋值");

      Api.Reply granted =
          as("secadmin")
              .put(
                  "/api/admin/users/mauser/roles",
                  "{\"roles\":[\"APPLICANT\"],\"reason\":\"入职\",\"username\":\"admin\"}",
                  null);
      answered("roles", granted);
      assertThat(granted.status()).as(granted.text()).isIn(200, 400);
      assertThat(account("admin").path("roles").toString()).contains("SYSTEM_ADMIN");
      assertThat(account("admin").path("roles").toString()).doesNotContain("APPLICANT");
    }
  }

  private JsonNode account(String username) {
    for (JsonNode a : as("admin").get("/api/admin/users").json()) {
      if (a.path("username").asString().equals(username)) {
        return a;
      }
    }
    throw new AssertionError("no account " + username);
  }
}
