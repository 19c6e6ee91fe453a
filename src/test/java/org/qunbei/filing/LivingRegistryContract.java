package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/** What the living registry's contracts do again and again: file a group, change it, look it up. */
abstract class LivingRegistryContract {

  static final String[] CHAIN = {"depthead", "secrecy", "cyberoffice", "leader"};

  @LocalServerPort int port;

  Api as(String user) {
    return Api.as(port, user);
  }

  Api applicant() {
    return as("applicant");
  }

  /** A group of its own, filed through the whole chain. */
  long filed(ObjectNode body) {
    var created = applicant().post("/api/filings", body.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    submitAndApprove(id);
    return id;
  }

  void submitAndApprove(long id) {
    var s = applicant().post("/api/filings/" + id + "/submit", "");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    for (String approver : CHAIN) {
      var r = as(approver).post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
      assertThat(r.status()).as(approver + ": " + r.text()).isEqualTo(200);
    }
  }

  Api.Reply change(long id, String changedOn, String reason) {
    return applicant()
        .post(
            "/api/filings/" + id + "/changes",
            "{\"changedOn\":\"" + changedOn + "\",\"reason\":\"" + reason + "\"}");
  }

  static String yesterday() {
    return LocalDate.now().minusDays(1).toString();
  }

  static String uniqueNumber() {
    return String.valueOf(100000 + System.nanoTime() % 899999);
  }

  static ObjectNode group(String number) {
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", number);
    body.put("groupName", "变更测试群" + number);
    return body;
  }

  List<Long> registry(String query) {
    List<Long> ids = new ArrayList<>();
    as("cyberoffice")
        .get("/api/filings?" + query)
        .json()
        .path("content")
        .forEach(e -> ids.add(e.path("id").asLong()));
    return ids;
  }
}
