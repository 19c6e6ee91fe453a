package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 三权分立: the system administrator, the security administrator and the auditor each do their own work
 * and nothing else; roles are granted by the security administrator alone, never to oneself, never
 * two administrative ones or one beside a deciding role, and every grant is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeparationOfDutiesIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  Api as(String user) {
    return Api.as(port, user);
  }

  Api.Reply roles(String actor, String user, String body) {
    return as(actor).put("/api/admin/users/" + user + "/roles", body, null);
  }

  @Test
  void eachAdministrativeRoleIsRefusedOutsideItsOwnWork() {
    byte[] png = Samples.qrPng("stamp");
    long id =
        as("applicant")
            .post("/api/filings", Samples.example().toString())
            .json()
            .path("id")
            .asLong();
    as("applicant").post("/api/filings/" + id + "/submit", "");
    for (String admin : new String[] {"admin", "secadmin", "auditor"}) {
      assertThat(as(admin).get("/api/filings/" + id).status())
          .as(admin + " reads a filing")
          .isEqualTo(404);
      assertThat(as(admin).get("/api/filings").json().path("totalElements").asLong())
          .as(admin + " lists the registry")
          .isZero();
      assertThat(as(admin).post("/api/filings", Samples.example().toString()).status())
          .as(admin + " files")
          .isEqualTo(403);
      assertThat(
              as(admin)
                  .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                  .status())
          .as(admin + " decides")
          .isIn(403, 404);
    }
    // Stamps: the security administrator's alone.
    assertThat(as("secadmin").putBytes("/api/stamps/CS", "image/png", png).status()).isEqualTo(200);
    assertThat(as("admin").putBytes("/api/stamps/CS", "image/png", png).status()).isEqualTo(403);
    // The trail: the auditor's alone.
    assertThat(as("auditor").get("/api/audit").status()).isEqualTo(200);
    assertThat(as("admin").get("/api/audit").status()).isEqualTo(403);
    assertThat(as("secadmin").get("/api/audit").status()).isEqualTo(403);
    // The calendar: the system administrator's.
    assertThat(
            as("secadmin")
                .putBytes(
                    "/api/admin/calendar/2040",
                    "text/csv",
                    "2040-01-01,HOLIDAY,元旦".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .status())
        .isEqualTo(403);
    // Paper-era records go through the registry's keeper, not the system administrator.
    assertThat(
            as("admin")
                .postBytes(
                    "/api/registry/imports",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    new byte[10])
                .status())
        .isEqualTo(403);
  }

  @Test
  void onlyTheSecurityAdministratorGrantsRolesAndNeverBreaksTheSeparation() {
    assertThat(roles("admin", "applicant2", "{\"roles\":[\"APPLICANT\"]}").status()).isEqualTo(403);
    assertThat(
            roles("secadmin", "secadmin", "{\"roles\":[\"SECURITY_ADMIN\",\"CYBERSPACE_OFFICE\"]}")
                .status())
        .isEqualTo(403);
    Api.Reply two = roles("secadmin", "admin", "{\"roles\":[\"SYSTEM_ADMIN\",\"AUDITOR\"]}");
    assertThat(two.status()).isEqualTo(400);
    assertThat(two.error("roles")).contains("互斥");
    Api.Reply mixed = roles("secadmin", "leader", "{\"roles\":[\"LEADER\",\"AUDITOR\",\"NOPE\"]}");
    assertThat(mixed.status()).isEqualTo(400);
    assertThat(mixed.text()).contains("不能同时担任审批角色", "没有“NOPE”这个角色");
    assertThat(roles("secadmin", "ghost", "{\"roles\":[\"APPLICANT\"]}").status()).isEqualTo(404);
    assertThat(roles("secadmin", "secrecy", "{\"roles\":[\"APPLICANT\"]}").error("roles"))
        .contains("必须属于某个部门");

    Api.Reply granted =
        roles(
            "secadmin",
            "secrecy2",
            "{\"roles\":[\"CONFIDENTIALITY_OFFICE\",\"PARTY_OFFICE\"],\"reason\":\"兼任党政办\"}");
    assertThat(granted.status()).as(granted.text()).isEqualTo(200);
    assertThat(granted.json().path("roles").toString()).contains("PARTY_OFFICE");
    assertThat(
            jdbc.queryForList(
                "select actor || '|' || detail from audit_event where action = 'ROLES_CHANGED'",
                String.class))
        .anySatisfy(
            d -> assertThat(d).startsWith("secadmin|secrecy2：").contains("PARTY_OFFICE", "兼任党政办"));
  }
}
