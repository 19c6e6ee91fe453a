package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 抄送 through the API and the pages, on each database (see the *IT subclasses): the current step's
 * decider or the applicant copies a filing; the copied person reads it (page, printouts, API) with
 * the mobiles masked, is told, finds it unread and then read, and can neither decide nor edit it.
 */
abstract class CopiesContract {

  static final String WHOLE = "13801010001";
  static final String MASKED = "138****0001";

  @LocalServerPort int port;

  Api as(String user) {
    return Api.as(port, user);
  }

  long draft() {
    var created = as("applicant").post("/api/filings", Samples.example().toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  long submitted() {
    long id = draft();
    var s = as("applicant").post("/api/filings/" + id + "/submit", "");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    return id;
  }

  Api.Reply copy(String user, long id, String users, String note) {
    String body =
        "{\"users\":"
            + users
            + (note == null ? "" : ",\"note\":" + Api.JSON.valueToTree(note).toString())
            + "}";
    return as(user).post("/api/filings/" + id + "/copies", body);
  }

  /** The caller's copy of this filing in their list, or null. */
  static JsonNode copyOf(Api api, long id) {
    for (JsonNode c : api.get("/api/me/copies?size=100").json().path("content")) {
      if (c.path("filingId").asLong() == id) {
        return c;
      }
    }
    return null;
  }

  Api.Reply page(Api who, String path) {
    return who.send(who.request(path).header("Accept", "text/html").GET());
  }

  @Test
  void theDeciderCopiesAndTheCopiedPersonReadsMaskedButNeverDecidesOrEdits() {
    long id = submitted();
    String group = as("applicant").get("/api/filings/" + id).json().path("groupName").asString();
    Api reader = as("applicant2"); // another department: could not see it before
    assertThat(reader.get("/api/filings/" + id).status()).isEqualTo(404);
    long unreadBefore = reader.get("/api/me/copies").json().path("unread").asLong();

    var copied = copy("depthead", id, "[\"applicant2\"]", "请数学学院知悉");
    assertThat(copied.status()).as(copied.text()).isEqualTo(201);
    assertThat(copied.json().path("users").get(0).asString()).isEqualTo("applicant2");

    // Listed, unread, with who copied it, the department and the note.
    JsonNode mine = reader.get("/api/me/copies").json();
    assertThat(mine.path("unread").asLong()).isEqualTo(unreadBefore + 1);
    JsonNode entry = copyOf(reader, id);
    assertThat(entry).isNotNull();
    assertThat(entry.path("read").asBoolean()).isFalse();
    assertThat(entry.path("groupName").asString()).isEqualTo(group);
    assertThat(entry.path("departmentName").asString()).isEqualTo("计算机学院");
    assertThat(entry.path("copiedBy").asString()).isEqualTo("depthead");
    assertThat(entry.path("copiedByName").asString()).startsWith("王建国");
    assertThat(entry.path("note").asString()).isEqualTo("请数学学院知悉");

    // Reads it everywhere, with the mobiles masked.
    var json = reader.get("/api/filings/" + id);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().path("team").get(0).path("mobile").asString()).isEqualTo(MASKED);
    assertThat(reader.get("/api/filings/" + id + "/pdf").status()).isEqualTo(200);
    assertThat(reader.get("/api/filings/" + id + "/docx").status()).isEqualTo(200);
    assertThat(copyOf(reader, id).path("read").asBoolean())
        .as("the API read leaves it unread: opening the page reads it")
        .isFalse();

    // Never decides, hands over or edits it.
    assertThat(
            reader.post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}").status())
        .isIn(403, 404);
    assertThat(
            reader
                .post("/api/filings/" + id + "/transfers", "{\"to\":\"depthead\",\"reason\":\"x\"}")
                .status())
        .isIn(403, 404);
    assertThat(reader.put("/api/filings/" + id, Samples.example().toString(), null).status())
        .isIn(403, 404);
    assertThat(reader.post("/api/filings/" + id + "/withdraw", "").status()).isIn(403, 404);
    // Nor copies it on: reading is all a copy gives.
    assertThat(copy("applicant2", id, "[\"depthead2\"]", null).status()).isEqualTo(403);

    // Opening the page reads it: masked there too, and no decision form.
    var html = page(reader, "/filings/" + id);
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.text()).contains(group, MASKED).doesNotContain(WHOLE);
    assertThat(html.text()).doesNotContain("id=\"decide\"", "id=\"copy\"");
    JsonNode read = copyOf(reader, id);
    assertThat(read.path("read").asBoolean()).isTrue();
    assertThat(read.path("readAt").isNull()).isFalse();
    assertThat(reader.get("/api/me/copies").json().path("unread").asLong()).isEqualTo(unreadBefore);

    // Told in a notice, and the copy is on the trail.
    JsonNode notices = reader.get("/api/notices?size=100").json().path("content");
    List<String> titles = new ArrayList<>();
    notices.forEach(n -> titles.add(n.path("title").asString()));
    assertThat(titles).contains("【群备】抄送给您：" + group);
    List<String> actions = new ArrayList<>();
    List<String> details = new ArrayList<>();
    as("auditor")
        .get("/api/audit?filing=" + id)
        .json()
        .path("content")
        .forEach(
            e -> {
              actions.add(e.path("action").asString());
              details.add(e.path("detail").asString());
            });
    assertThat(actions).contains("COPIED");
    assertThat(details).contains("抄送给 applicant2：请数学学院知悉");
    assertThat(
            as("auditor").get("/api/audit/verify?filing=" + id).json().path("intact").asBoolean())
        .isTrue();

    // The decision goes on as before; the reader still reads it, now filed further.
    assertThat(
            as("depthead")
                .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                .status())
        .isEqualTo(200);
    assertThat(reader.get("/api/filings/" + id).status()).isEqualTo(200);
    // Someone it was not copied to still sees nothing.
    assertThat(as("depthead2").get("/api/filings/" + id).status()).isEqualTo(404);
  }

  @Test
  void theCopiedReaderSeesTheDecidersSignaturesOnThePageAndInThePrintout() {
    Api math = as("applicant2");
    var body = Samples.example().put("departmentCode", "MATH");
    var created = math.post("/api/filings", body.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(math.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    var sig = as("depthead2").putBytes("/api/me/signature", "image/png", Samples.qrPng("孙丽"));
    assertThat(sig.status()).as(sig.text()).isEqualTo(200);
    long image = sig.json().path("id").asLong();
    assertThat(
            as("depthead2")
                .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                .status())
        .isEqualTo(200);
    // The applicant's side copies it to someone of another department while the office decides.
    var copied = copy("applicant2", id, "[\"applicant\"]", "请计算机学院知悉");
    assertThat(copied.status()).as(copied.text()).isEqualTo(201);

    Api reader = as("applicant");
    assertThat(reader.get("/seals/" + image).status()).isEqualTo(200);
    var pdf = reader.get("/api/filings/" + id + "/pdf");
    assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
    assertThat(reader.get("/api/filings/" + id + "/docx").status()).isEqualTo(200);
    // Someone it was not copied to still gets neither.
    assertThat(as("depthead").get("/seals/" + image).status()).isEqualTo(404);
  }

  @Test
  void theApplicantCopiesAndEveryBadInputIsRefusedNamingItsField() {
    long draft = draft();
    assertThat(copy("applicant", draft, "[\"leader\"]", null).status())
        .as("a draft is not copied")
        .isEqualTo(409);

    long id = submitted();
    var ok = copy("applicant", id, "[\"secrecy2\"]", null);
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    assertThat(copyOf(as("secrecy2"), id)).isNotNull();

    var empty = copy("applicant", id, "[]", null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorFields()).containsExactly("users");
    assertThat(copy("applicant", id, "null", null).errorFields()).containsExactly("users");

    var unknown = copy("applicant", id, "[\"leader\",\"nosuchperson\"]", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("users[1]");
    assertThat(unknown.error("users[1]")).contains("nosuchperson");

    var admin = copy("applicant", id, "[\"auditor\"]", null);
    assertThat(admin.status()).as("administrators read no filing").isEqualTo(400);
    assertThat(admin.errorFields()).containsExactly("users[0]");

    var self = copy("applicant", id, "[\"leader\",\"applicant\"]", null);
    assertThat(self.errorFields()).containsExactly("users[1]");
    assertThat(self.error("users[1]")).isEqualTo("不能抄送给自己");

    var twice = copy("applicant", id, "[\"leader\",\"leader\"]", null);
    assertThat(twice.errorFields()).containsExactly("users[1]");

    var again = copy("applicant", id, "[\"secrecy2\"]", null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorFields()).containsExactly("users[0]");
    assertThat(again.error("users[0]")).startsWith("已经抄送过");

    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("\"leader\"");
    }
    var tooMany = copy("applicant", id, many.append("]").toString(), null);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorFields()).containsExactly("users");

    var longNote = copy("applicant", id, "[\"leader\"]", "请".repeat(201));
    assertThat(longNote.status()).isEqualTo(400);
    assertThat(longNote.errorFields()).containsExactly("note");
    assertThat(copy("applicant", id, "[\"leader\"]", "请".repeat(200)).status()).isEqualTo(201);
    // Every refusal above changed nothing: leader and secrecy2 got one copy each, no one else.
    assertThat(copyOf(as("depthead2"), id)).isNull();

    // Who may not copy: another department (cannot see it), an office that decides a later step
    // (sees it, does not decide now), the copied reader.
    assertThat(copy("applicant2", id, "[\"depthead2\"]", null).status()).isEqualTo(404);
    var later = copy("cyberoffice", id, "[\"depthead2\"]", null);
    assertThat(later.status()).isEqualTo(403);
    assertThat(later.json().path("detail").asString()).isEqualTo("只有当前环节的审批人或本备案的申请人可以抄送");
    assertThat(copy("secrecy2", id, "[\"depthead2\"]", null).status()).isEqualTo(403);
    assertThat(as("anonymous-nobody").get("/api/me/copies").status()).isEqualTo(401);
  }

  @Test
  void onThePagesTheCardCopiesKeepsWhatWasTypedAndTheListMarksUnreadThenRead() {
    long id = submitted();
    String group = as("applicant").get("/api/filings/" + id).json().path("groupName").asString();
    PageSession head = new PageSession(port, "depthead", "demo123");
    String view = head.get("/filings/" + id).body();
    assertThat(view).contains("id=\"copy\"", "id=\"copy-users\"");
    // The people picker names people and their departments, never the administrators.
    assertThat(view).contains("张明（计算机学院） · 计算机学院").doesNotContain("value=\"auditor\"");

    // Nobody chosen: refused beside the card, the note kept.
    var refused = head.form("/filings/" + id + "/copies", Map.of("note", "请党政办知悉"));
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("#copy");
    String again = head.get("/filings/" + id).body();
    assertThat(again).contains("id=\"copy-error\"", "请选择至少一位抄送对象", "value=\"请党政办知悉\"");

    var sent =
        head.form(
            "/filings/" + id + "/copies",
            List.of(
                new String[] {"users", "partyoffice"},
                new String[] {"users", "applicant2"},
                new String[] {"note", "请党政办知悉"}));
    assertThat(sent.statusCode()).isEqualTo(302);
    String after = head.get("/filings/" + id).body();
    assertThat(after).contains("已抄送2人", "id=\"copy-sent\"");
    assertThat(after).doesNotContain("<option value=\"partyoffice\"");

    // The list: unread in bold with a badge; read after the filing's page is opened.
    PageSession reader = new PageSession(port, "partyoffice", "demo123");
    String list = reader.get("/copies").body();
    assertThat(list).contains(group, "id=\"tab-copies\"", "请党政办知悉");
    assertThat(rowOf(list, id)).contains("copy-unread", "fw-bold", "未读");
    assertThat(reader.get("/filings/" + id).statusCode()).isEqualTo(200);
    String read = reader.get("/copies").body();
    assertThat(rowOf(read, id)).contains("copy-read").doesNotContain("fw-bold", "未读");
    // The card now says who read it.
    assertThat(head.get("/filings/" + id).body()).contains("（已读）", "（未读）");
    // The copied reader's page has no decision form, and posting one changes nothing.
    var decided =
        reader.form(
            "/filings/" + id + "/decisions",
            Map.of("decision", "APPROVE", "opinion", "同意", "version", "0"));
    assertThat(decided.statusCode()).isIn(302, 403, 404);
    assertThat(as("applicant").get("/api/filings/" + id).json().path("currentStep").asString())
        .isEqualTo("DEPARTMENT");
  }

  /** The list row of a filing: from its link to the link's end. */
  static String rowOf(String html, long id) {
    int at = html.indexOf("data-filing=\"" + id + "\"");
    assertThat(at).as("row of filing " + id).isPositive();
    int start = html.lastIndexOf("<a ", at);
    return html.substring(start, html.indexOf("</a>", at));
  }
}
