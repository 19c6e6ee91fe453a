package org.qunbei.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qunbei.support.Samples;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The authorization matrix's vocabulary: who calls, what a rule allows, what a target touches and
 * how an answer counts. The rules are the school's policy written out once more, independently of
 * the code that enforces it.
 */
final class Matrix {

  private Matrix() {}

  /** The demo accounts, one of each kind, and nobody. */
  enum Caller {
    ANONYMOUS(null, null),
    APPLICANT("applicant", "CS"),
    DEPTHEAD("depthead", "CS"),
    APPLICANT2("applicant2", "MATH"),
    DEPTHEAD2("depthead2", "MATH"),
    SECRECY("secrecy", null),
    PARTYOFFICE("partyoffice", null),
    CYBEROFFICE("cyberoffice", null),
    LEADER("leader", null),
    ADMIN("admin", null),
    SECADMIN("secadmin", null),
    AUDITOR("auditor", null);

    private final String user;
    private final String dept;

    Caller(String user, String dept) {
      this.user = user;
      this.dept = dept;
    }

    String user() {
      return user;
    }

    String dept() {
      return dept;
    }

    boolean applicant() {
      return this == APPLICANT || this == APPLICANT2;
    }

    /** The school's offices, which see the filings of every department once submitted. */
    boolean office() {
      return this == SECRECY || this == PARTYOFFICE || this == CYBEROFFICE || this == LEADER;
    }

    boolean head() {
      return this == DEPTHEAD || this == DEPTHEAD2;
    }
  }

  /**
   * Where a seeded filing stands: a draft, waiting on one of the four steps, filed, or filed with
   * its dissolution reported.
   */
  enum Stage {
    DRAFT,
    HEAD,
    CONFIDENTIALITY,
    CYBERSPACE,
    LEADER,
    FILED,
    /** Filed, with a dissolution report waiting for its department's head. */
    DISSOLVING;

    boolean underReview() {
      return this != DRAFT && this != FILED;
    }

    /** Who decides this stage's step; a secret filing's second step is the party office's. */
    Caller decider(String dept, boolean secret) {
      return switch (this) {
        case HEAD, DISSOLVING -> dept.equals("CS") ? Caller.DEPTHEAD : Caller.DEPTHEAD2;
        case CONFIDENTIALITY -> secret ? Caller.PARTYOFFICE : Caller.SECRECY;
        case CYBERSPACE -> Caller.CYBEROFFICE;
        case LEADER -> Caller.LEADER;
        default -> null;
      };
    }

    /** Whether the caller decided an earlier step of this filing. */
    boolean decidedBefore(Caller c, String dept, boolean secret) {
      for (Stage s : values()) {
        if (s == this) {
          return false;
        }
        if (s.underReview() && s.decider(dept, secret) == c) {
          return true;
        }
      }
      return false;
    }
  }

  /** What a target touches: a filing of a department at a stage, or a person's own thing. */
  record Res(String dept, Stage stage, String person, boolean secret) {
    static Res filing(String dept, Stage stage) {
      return new Res(dept, stage, null, false);
    }

    /** A filing about secret work (涉密), which the party office reviews instead of 保密办. */
    static Res secret(String dept, Stage stage) {
      return new Res(dept, stage, null, true);
    }

    static Res of(String person) {
      return new Res(null, null, person, false);
    }
  }

  enum Expect {
    ALLOW,
    DENY,
    /** Either answer is right: a state conflict may come before the check, or after it. */
    EITHER
  }

  enum Outcome {
    ALLOWED,
    REFUSED,
    ERROR
  }

  /** Who may call an endpoint, on what. */
  enum Access {
    PUBLIC,
    SIGNED_IN,
    APPLICANTS,
    DEPARTMENT_PEOPLE,
    CYBER,
    /** The cyberspace office, which runs a review, and the departments that answer it. */
    REVIEWERS,
    ADMINS,
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDITOR_ONLY,
    /** The filing's department, its leader and the deciding offices once it is submitted. */
    VIEW,
    /** The department's applicants. */
    EDIT,
    /** Whoever decides the current step. */
    DECIDE,
    /** Whoever decides the current step, handing it to a colleague. */
    TRANSFER,
    /** Whoever decides a step of some filing: the heads, the offices and the leader. */
    DECIDERS,
    /** The person it belongs to. */
    OWNER,
    /** Its owner, the security administrator, whoever sees a filing that carries it. */
    SEAL_VIEW,
    /**
     * 抄送: the department's applicants (a draft is a state conflict), or the current step's decider.
     */
    COPY;

    Expect of(Caller c, Res r) {
      return switch (this) {
        case PUBLIC -> Expect.ALLOW;
        case SIGNED_IN -> allowIf(c != Caller.ANONYMOUS);
        case APPLICANTS -> allowIf(c.applicant());
        case DEPARTMENT_PEOPLE -> allowIf(c.applicant() || c.head());
        case CYBER -> allowIf(c == Caller.CYBEROFFICE);
        case REVIEWERS -> allowIf(c == Caller.CYBEROFFICE || c.applicant() || c.head());
        case ADMINS -> allowIf(c == Caller.ADMIN || c == Caller.SECADMIN);
        case SYSTEM_ADMIN -> allowIf(c == Caller.ADMIN);
        case SECURITY_ADMIN -> allowIf(c == Caller.SECADMIN);
        case AUDITOR_ONLY -> allowIf(c == Caller.AUDITOR);
        case VIEW -> allowIf(views(c, r));
        case EDIT -> allowIf(c.applicant() && c.dept().equals(r.dept()));
        case DECIDE -> decide(c, r, true);
        case TRANSFER -> decide(c, r, false);
        case DECIDERS -> allowIf(c.head() || c.office());
        case OWNER -> allowIf(c.user() != null && c.user().equals(r.person()));
        case SEAL_VIEW ->
            allowIf(
                c == Caller.SECADMIN
                    || (c.user() != null && c.user().equals(r.person()))
                    || (r.dept() != null && views(c, r)));
        case COPY ->
            allowIf(
                (c.applicant() && c.dept().equals(r.dept()))
                    || (views(c, r) && r.stage().decider(r.dept(), r.secret()) == c));
      };
    }

    /**
     * Its department sees a filing from the draft on; once submitted, the offices that decide a
     * step of its chain: the cyberspace office and the leader always, 保密办 for ordinary work and the
     * party office for secret work. Another department and the administrators never.
     */
    private static boolean views(Caller c, Res r) {
      if (c.dept() != null && c.dept().equals(r.dept())) {
        return true;
      }
      if (r.stage() == Stage.DRAFT) {
        return false;
      }
      return switch (c) {
        case CYBEROFFICE, LEADER -> true;
        case SECRECY -> !r.secret();
        case PARTYOFFICE -> r.secret();
        default -> false;
      };
    }

    /**
     * The current step's decider may; a filing not under review is a state conflict for whoever
     * sees it; one who decided an earlier step hears that it was decided (decisions only).
     */
    private static Expect decide(Caller c, Res r, boolean earlierIsConflict) {
      if (!views(c, r)) {
        return Expect.DENY;
      }
      if (!r.stage().underReview()) {
        return Expect.EITHER;
      }
      if (r.stage().decider(r.dept(), r.secret()) == c) {
        return Expect.ALLOW;
      }
      return earlierIsConflict && r.stage().decidedBefore(c, r.dept(), r.secret())
          ? Expect.EITHER
          : Expect.DENY;
    }

    private static Expect allowIf(boolean allowed) {
      return allowed ? Expect.ALLOW : Expect.DENY;
    }
  }

  /** The kinds of thing a rule's path variables name; each becomes a list of targets. */
  enum Targets {
    NONE,
    FILING,
    FILING_DIFF,
    NOTICE,
    JOB,
    TOKEN,
    DELEGATION,
    SEAL,
    REVIEW,
    STAFF_IMPORT,
    USER,
    DEPARTMENT,
    STAMP_OWNER,
    YEAR,
    VERIFY_CODE,
    AUDITED_FILING,
    ROBOT,
    OPINION
  }

  /**
   * One concrete call site: the path variables, a query if the target needs one, what it touches.
   */
  record Target(String label, Map<String, String> vars, String query, List<Res> res) {

    String path(String pattern) {
      String path = pattern;
      for (var v : vars.entrySet()) {
        path = path.replace("{" + v.getKey() + "}", v.getValue());
      }
      return path;
    }

    Expect expect(Access access, Caller c) {
      if (res.isEmpty()) {
        return access.of(c, null);
      }
      Expect all = Expect.ALLOW;
      for (Res r : res) {
        Expect e = access.of(c, r);
        if (e == Expect.DENY) {
          return Expect.DENY;
        }
        if (e == Expect.EITHER) {
          all = Expect.EITHER;
        }
      }
      return all;
    }
  }

  /** One line of the table: an endpoint, what its variables name, who may call it, a body. */
  record Rule(
      String method,
      String pattern,
      Targets targets,
      Access access,
      String query,
      String json,
      String contentType,
      byte[] bytes,
      byte[] file,
      String[] form,
      String ifMatch,
      boolean stateDependent) {

    String endpoint() {
      return method + " " + pattern;
    }

    Rule query(String q) {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          q,
          json,
          contentType,
          bytes,
          file,
          form,
          ifMatch,
          stateDependent);
    }

    Rule json(String body) {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          query,
          body,
          contentType,
          bytes,
          file,
          form,
          ifMatch,
          stateDependent);
    }

    Rule bytes(String type, byte[] body) {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          query,
          json,
          type,
          body,
          file,
          form,
          ifMatch,
          stateDependent);
    }

    Rule file(byte[] upload) {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          query,
          json,
          contentType,
          bytes,
          upload,
          form,
          ifMatch,
          stateDependent);
    }

    Rule form(String... params) {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          query,
          json,
          contentType,
          bytes,
          file,
          params,
          ifMatch,
          stateDependent);
    }

    Rule ifMatch(String version) {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          query,
          json,
          contentType,
          bytes,
          file,
          form,
          version,
          stateDependent);
    }

    /**
     * An allowed caller may still be refused here by the state of the thing (a QR image not
     * uploaded, a token already revoked): such refusals are reported, not asserted.
     */
    Rule lenient() {
      return new Rule(
          method,
          pattern,
          targets,
          access,
          query,
          json,
          contentType,
          bytes,
          file,
          form,
          ifMatch,
          true);
    }
  }

  static Rule rule(String endpoint, Targets targets, Access access) {
    String[] parts = endpoint.split(" ", 2);
    return new Rule(
        parts[0],
        parts[1],
        targets,
        access,
        null,
        null,
        null,
        null,
        null,
        new String[0],
        null,
        false);
  }

  /** The API example filing; with no department the server decides it. */
  static String filingBody(String dept) {
    return filingBody(dept, false);
  }

  static String filingBody(String dept, boolean secret) {
    var body = Samples.example();
    body.put("classified", secret);
    if (dept == null) {
      body.remove("departmentCode");
    } else {
      body.put("departmentCode", dept);
    }
    return body.toString();
  }

  /** Statuses that say the caller got past authorisation: the body or the state was the problem. */
  static final Set<Integer> PAST_AUTHORISATION = Set.of(400, 409, 412, 422, 428, 429);

  static Outcome classify(MockHttpServletResponse r) {
    int s = r.getStatus();
    if (s >= 200 && s < 300) {
      return Outcome.ALLOWED;
    }
    if (s >= 300 && s < 400) {
      String to = r.getRedirectedUrl();
      return to != null && to.contains("/login") ? Outcome.REFUSED : Outcome.ALLOWED;
    }
    if (s == 401 || s == 403 || s == 404) {
      return Outcome.REFUSED;
    }
    return PAST_AUTHORISATION.contains(s) ? Outcome.ALLOWED : Outcome.ERROR;
  }
}
