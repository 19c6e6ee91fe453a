package org.qunbei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Notices and e-mail against a real SMTP server (GreenMail): each step's deciders hear of a filing
 * when it reaches them, the applicant hears of every step's decision by the decider's name, each
 * notice leads to where its reader acts (the mail prints the link, the list opens it and marks it
 * read), and a mail server that is down neither blocks a decision nor loses its notice.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "qunbei.notify.interval=PT1H")
class NotificationIT {

  static final ServerSetup SMTP = ServerSetupTest.SMTP.dynamicPort();
  static GreenMail mail = new GreenMail(SMTP);

  static {
    mail.start();
  }

  @LocalServerPort int port;
  @Autowired MailDispatcher dispatcher;
  @Autowired org.qunbei.accounts.Directory directory;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
  }

  @AfterAll
  static void stop() {
    mail.stop();
  }

  /** Sends whatever earlier tests and the demo filings left, so each test starts empty. */
  @BeforeEach
  void empty() throws Exception {
    dispatcher.sendDue(Instant.now().plus(Duration.ofDays(1)));
    mail.purgeEmailFromAllMailboxes();
  }

  Api as(String user) {
    return Api.as(port, user);
  }

  long submitted() {
    long id =
        as("applicant")
            .post("/api/filings", Samples.example().toString())
            .json()
            .path("id")
            .asLong();
    as("applicant").post("/api/filings/" + id + "/submit", "");
    return id;
  }

  static List<String> recipients(MimeMessage[] messages) {
    return Arrays.stream(messages)
        .map(
            m -> {
              try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void eachStepsDecidersAndThenTheApplicantAreNotified() throws Exception {
    long id = submitted();
    dispatcher.sendDue();
    assertThat(recipients(mail.getReceivedMessages()))
        .containsExactly("depthead@demo.qunbei.local");
    assertThat(mail.getReceivedMessages()[0].getSubject()).startsWith("【群备】待审批：");

    String[][] next = {
      {"depthead", "secrecy,secrecy2"}, {"secrecy", "cyberoffice"}, {"cyberoffice", "leader"}
    };
    for (String[] step : next) {
      mail.purgeEmailFromAllMailboxes();
      assertThat(
              as(step[0])
                  .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                  .status())
          .isEqualTo(200);
      // Every member of the deciding office hears of it, and the applicant of the step passed.
      String[] office = step[1].split(",");
      assertThat(dispatcher.sendDue()).isEqualTo(office.length + 1);
      assertThat(recipients(mail.getReceivedMessages()))
          .containsExactlyInAnyOrder(
              java.util.stream.Stream.concat(
                      Arrays.stream(office), java.util.stream.Stream.of("applicant"))
                  .map(u -> u + "@demo.qunbei.local")
                  .toArray(String[]::new));
    }
    mail.purgeEmailFromAllMailboxes();
    as("leader")
        .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
    dispatcher.sendDue();
    MimeMessage done = mail.getReceivedMessages()[0];
    assertThat(recipients(mail.getReceivedMessages()))
        .containsExactly("applicant@demo.qunbei.local");
    assertThat(done.getSubject()).contains("已完成备案");
    assertThat(((String) done.getContent())).isNotEmpty();

    // The same notices are in the app.
    JsonNode inApp = as("depthead").get("/api/notices").json();
    assertThat(inApp.path("unread").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(inApp.path("content").get(0).path("mailStatus").asString()).isEqualTo("SENT");
    assertThat(
            as("applicant")
                .get("/api/notices")
                .json()
                .path("content")
                .get(0)
                .path("title")
                .asString())
        .contains("已完成备案");
  }

  @Test
  void aReturnTellsTheApplicantWhy() throws Exception {
    long id = submitted();
    dispatcher.sendDue();
    mail.purgeEmailFromAllMailboxes();
    as("depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"RETURN\",\"opinion\":\"请补充成员名单\"}");
    dispatcher.sendDue();
    MimeMessage back = mail.getReceivedMessages()[0];
    assertThat(back.getSubject()).contains("被退回修改");
    assertThat(((String) back.getContent())).contains("请补充成员名单");
  }

  @Test
  void aMailServerThatIsDownNeitherBlocksADecisionNorLosesTheNotice() throws Exception {
    long id = submitted();
    dispatcher.sendDue();
    int smtpPort = mail.getSmtp().getPort();
    mail.stop();
    try {
      var decided =
          as("depthead").post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
      assertThat(decided.status()).isEqualTo(200);
      assertThat(dispatcher.sendDue()).isZero();
      JsonNode notice = as("secrecy").get("/api/notices").json().path("content").get(0);
      assertThat(notice.path("mailStatus").asString()).isEqualTo("PENDING");
      assertThat(as("applicant").get("/api/filings/" + id).json().path("currentStep").asString())
          .isEqualTo("CONFIDENTIALITY");
    } finally {
      mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      mail.start();
    }
    // Not before its pause is over …
    assertThat(dispatcher.sendDue(Instant.now())).isZero();
    // … then it goes out, once.
    assertThat(dispatcher.sendDue(Instant.now().plus(Duration.ofMinutes(2)))).isEqualTo(3);
    assertThat(recipients(mail.getReceivedMessages()))
        .containsExactlyInAnyOrder(
            "secrecy@demo.qunbei.local",
            "secrecy2@demo.qunbei.local",
            "applicant@demo.qunbei.local");
    assertThat(dispatcher.sendDue(Instant.now().plus(Duration.ofMinutes(5)))).isZero();
  }

  String nameOf(String username) {
    return directory.contact(username).orElseThrow().displayName();
  }

  JsonNode latestNotice(String user) {
    return as(user).get("/api/notices").json().path("content").get(0);
  }

  @Test
  void eachMailCarriesTheLinkToWhereItsReaderActs() throws Exception {
    long id = submitted();
    dispatcher.sendDue();
    String toDecider = (String) mail.getReceivedMessages()[0].getContent();
    assertThat(toDecider).contains("http://localhost:" + port + "/filings/" + id + "#decide");
    assertThat(latestNotice("depthead").path("link").asString())
        .isEqualTo("/filings/" + id + "#decide");

    // A returned filing's applicant is led to its form, to correct it.
    mail.purgeEmailFromAllMailboxes();
    as("depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"RETURN\",\"opinion\":\"请补充成员名单\"}");
    dispatcher.sendDue();
    String toApplicant = (String) mail.getReceivedMessages()[0].getContent();
    assertThat(toApplicant)
        .contains("http://localhost:" + port + "/filings/" + id + "/edit")
        .contains(nameOf("depthead"))
        .contains("请补充成员名单");
  }

  @Test
  void theApplicantHearsOfEachStepByNameAndTheOpinion() throws Exception {
    long id = submitted();
    as("depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"APPROVE\",\"opinion\":\"同意，请保密办审核\"}");
    JsonNode step = latestNotice("applicant");
    assertThat(step.path("title").asString()).contains("已通过所属部门审核");
    assertThat(step.path("body").asString())
        .contains(nameOf("depthead"))
        .contains("所属部门审核")
        .contains("已转“保密工作部门审核”")
        .contains("同意，请保密办审核")
        .doesNotContain("depthead");
    assertThat(step.path("link").asString()).isEqualTo("/filings/" + id);

    as("secrecy")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"APPROVE\",\"opinion\":\"涉密审核通过\"}");
    JsonNode second = latestNotice("applicant");
    assertThat(second.path("title").asString()).contains("已通过保密工作部门审核");
    assertThat(second.path("body").asString())
        .contains(nameOf("secrecy"))
        .contains("涉密审核通过")
        .doesNotContain("secrecy");

    // The next office is led to the decision form.
    assertThat(
            as("cyberoffice")
                .get("/api/notices")
                .json()
                .path("content")
                .get(0)
                .path("link")
                .asString())
        .isEqualTo("/filings/" + id + "#decide");
  }

  @Test
  void aTransferNoticeNamesWhoHandedItOver() throws Exception {
    long id = submitted();
    as("depthead").post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
    var moved =
        as("secrecy")
            .post("/api/filings/" + id + "/transfers", "{\"to\":\"secrecy2\",\"reason\":\"出差\"}");
    assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    JsonNode n = latestNotice("secrecy2");
    assertThat(n.path("title").asString()).contains("转办");
    assertThat(n.path("body").asString()).contains(nameOf("secrecy")).doesNotContain("由 secrecy ");
    assertThat(n.path("link").asString()).isEqualTo("/filings/" + id + "#decide");
  }

  @Test
  void openingANoticeMarksItReadAndLeadsThereAndAnothersIsNotFound() throws Exception {
    long id = submitted();
    JsonNode n = latestNotice("depthead");
    assertThat(n.path("readAt").isNull()).isTrue();
    long unread = as("depthead").get("/api/notices").json().path("unread").asLong();

    // Someone else's notice: not found, and still unread.
    assertThat(as("applicant").get("/notices/" + n.path("id").asLong()).status()).isEqualTo(404);
    assertThat(as("depthead2").get("/notices/" + n.path("id").asLong()).status()).isEqualTo(404);
    assertThat(latestNotice("depthead").path("readAt").isNull()).isTrue();

    var opened = as("depthead").get("/notices/" + n.path("id").asLong());
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.header("Location")).endsWith("/filings/" + id + "#decide");
    assertThat(latestNotice("depthead").path("readAt").isNull()).isFalse();
    assertThat(as("depthead").get("/api/notices").json().path("unread").asLong())
        .isEqualTo(unread - 1);
    assertThat(as("depthead").get("/notices/999999999").status()).isEqualTo(404);
  }
}
