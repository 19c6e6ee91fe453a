package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sign-in through a CAS 3.0 server, as most Chinese universities' 统一身份认证 speak it: {@code
 * /login/cas} sends the browser to the CAS login with our service URL; CAS sends it back with a
 * service ticket, which is validated server to server ({@code /p3/serviceValidate}); the user or
 * the configured attribute then finds the account. The service URL is configured, never built from
 * the request.
 */
@Controller
class CasSignIn {

  static final String CAS_NS = "http://www.yale.edu/tp/cas";
  private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9._:-]{1,256}");

  private final SsoProperties sso;
  private final FederatedSignIn federated;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CasSignIn(SsoProperties sso, FederatedSignIn federated) {
    this.sso = sso;
    this.federated = federated;
  }

  @GetMapping("/login/cas")
  void login(
      @RequestParam(required = false) String ticket,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    var cas = sso.cas();
    if (!cas.on()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (ticket == null || ticket.isBlank()) {
      response.sendRedirect(server(cas) + "/login?service=" + encode(cas.serviceUrl()));
      return;
    }
    try {
      if (!TICKET.matcher(ticket).matches()) {
        throw new FederatedSignIn.Refused("sso.casRefused");
      }
      Element success = validate(cas, ticket);
      String key =
          cas.accountAttribute() == null || cas.accountAttribute().isBlank()
              ? text(success, "user")
              : text(success, cas.accountAttribute());
      AccountPrincipal p =
          federated.account(
              "cas",
              key,
              "staff-number".equalsIgnoreCase(cas.match()),
              cas.nameAttribute() == null ? null : text(success, cas.nameAttribute()),
              cas.departmentAttribute() == null ? null : text(success, cas.departmentAttribute()));
      federated.signIn(p, "cas", request, response);
      var saved = new HttpSessionRequestCache().getRequest(request, response);
      response.sendRedirect(
          saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl());
    } catch (FederatedSignIn.Refused e) {
      OidcSignIn.refuse(request, response, e);
    }
  }

  /** The CAS server's answer to the ticket: its authenticationSuccess, or refused. */
  private Element validate(SsoProperties.Cas cas, String ticket) {
    URI uri =
        URI.create(
            server(cas)
                + "/p3/serviceValidate?service="
                + encode(cas.serviceUrl())
                + "&ticket="
                + encode(ticket));
    try {
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new FederatedSignIn.Refused("sso.casUnavailable");
      }
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
      var found = doc.getElementsByTagNameNS(CAS_NS, "authenticationSuccess");
      if (found.getLength() == 0) {
        throw new FederatedSignIn.Refused("sso.casRefused");
      }
      return (Element) found.item(0);
    } catch (FederatedSignIn.Refused e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FederatedSignIn.Refused("sso.casUnavailable");
    } catch (Exception e) {
      throw new FederatedSignIn.Refused("sso.casUnavailable");
    }
  }

  private static String text(Element success, String name) {
    var nodes = success.getElementsByTagNameNS(CAS_NS, name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  private static String server(SsoProperties.Cas cas) {
    String s = cas.serverUrl().strip();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
