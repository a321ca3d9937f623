package gov.rizhao.skills.identity;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service's own OAuth 2.0 token endpoint (RFC 6749), when no OpenID Connect provider is
 * configured: {@code client_credentials} for calling systems (client id and secret in the form or
 * by HTTP Basic), {@code password} for people. Errors are RFC 6749's ({@code invalid_client},
 * {@code invalid_grant}, …); nothing is cached.
 */
@Path("/oauth/token")
@PermitAll
public class OAuthTokenResource {
  private final TokenMode mode;
  private final TokenIssuer issuer;
  private final AccountService accounts;

  public OAuthTokenResource(TokenMode mode, TokenIssuer issuer, AccountService accounts) {
    this.mode = mode;
    this.issuer = issuer;
    this.accounts = accounts;
  }

  @POST
  @Blocking
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    if (!mode.embedded()) {
      return error(404, "invalid_request", "tokens are issued by " + mode.provider().orElseThrow());
    }
    Optional<String[]> basic = basic(authorization);
    String client = basic.map(b -> b[0]).orElse(clientId);
    String secret = basic.map(b -> b[1]).orElse(clientSecret);
    if (grantType == null) {
      return error(400, "invalid_request", "grant_type is required");
    }
    return switch (grantType) {
      case "client_credentials" -> {
        if (client == null || secret == null) {
          yield error(401, "invalid_client", "client_id and client_secret are required");
        }
        yield accounts
            .authenticate(Account.Kind.CLIENT, client, secret)
            .map(roles -> ok(client, client, roles))
            .orElseGet(() -> error(401, "invalid_client", "unknown client or wrong secret"));
      }
      case "password" -> {
        if (username == null || password == null) {
          yield error(400, "invalid_request", "username and password are required");
        }
        yield accounts
            .authenticate(Account.Kind.USER, username, password)
            .map(roles -> ok(username, client == null ? "skills-console" : client, roles))
            .orElseGet(() -> error(400, "invalid_grant", "unknown user or wrong password"));
      }
      default -> error(400, "unsupported_grant_type", "client_credentials or password");
    };
  }

  private Response ok(String principal, String client, Set<String> roles) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", issuer.issue(principal, client, roles));
    body.put("token_type", "Bearer");
    body.put("expires_in", issuer.lifespanSeconds());
    return Response.ok(body)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  private static Response error(int status, String code, String description) {
    Response.ResponseBuilder r =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON)
            .entity(Map.of("error", code, "error_description", description))
            .header("Cache-Control", "no-store");
    if (status == 401) {
      r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"skills-rules\"");
    }
    return r.build();
  }

  /** The client id and secret of an HTTP Basic header (RFC 6749 2.3.1: each form-encoded). */
  private static Optional<String[]> basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new String[] {
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
          });
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
