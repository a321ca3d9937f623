package gov.rizhao.skills.identity;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.problem.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts of the service's own issuer, for administrators: calling systems ({@code clients}) and
 * people ({@code users}). A new account's secret is answered once and never again; revoking keeps
 * the account, marked.
 */
@Path("/api/v1/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountResource {
  /** Names of accounts: letters, digits, and . _ - (no spaces). */
  public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  private final AccountService accounts;

  public AccountResource(AccountService accounts) {
    this.accounts = accounts;
  }

  public record NewClient(
      @NotNull @Pattern(regexp = NAME) String clientId,
      @NotEmpty @Size(max = 5) Set<String> roles) {}

  public record NewUser(
      @NotNull @Pattern(regexp = NAME) String username,
      @NotEmpty @Size(max = 5) Set<String> roles,
      @Size(min = 12, max = 200) String password) {}

  public record NewPassword(@Size(min = 12, max = 200) String password) {}

  /** A created client: its secret, shown this once. */
  public record ClientCreated(String clientId, Set<String> roles, String clientSecret) {}

  /** A created user: the password when it was generated, shown this once. */
  public record UserCreated(String username, Set<String> roles, String password) {}

  @POST
  @Path("/clients")
  public Response createClient(@NotNull @Valid NewClient client) {
    AccountService.Created c =
        accounts.create(Account.Kind.CLIENT, client.clientId(), client.roles(), Optional.empty());
    return Response.status(201)
        .header("Location", "/api/v1/admin/clients/" + client.clientId())
        .entity(new ClientCreated(c.account().name(), c.account().roles(), c.secret()))
        .build();
  }

  @GET
  @Path("/clients")
  public List<AccountService.AccountView> clients() {
    return accounts.list(Account.Kind.CLIENT);
  }

  @DELETE
  @Path("/clients/{clientId}")
  public AccountService.AccountView revokeClient(@PathParam("clientId") String clientId) {
    return accounts
        .revoke(Account.Kind.CLIENT, clientId)
        .orElseThrow(() -> new NotFoundException("no client " + clientId));
  }

  /** A new secret for a client, shown this once. */
  @POST
  @Path("/clients/{clientId}/secret")
  public ClientCreated renewClientSecret(@PathParam("clientId") String clientId) {
    AccountService.Created c =
        accounts
            .renew(Account.Kind.CLIENT, clientId, Optional.empty())
            .orElseThrow(() -> new NotFoundException("no client " + clientId));
    return new ClientCreated(c.account().name(), c.account().roles(), c.secret());
  }

  @POST
  @Path("/users")
  public Response createUser(@NotNull @Valid NewUser user) {
    AccountService.Created c =
        accounts.create(
            Account.Kind.USER, user.username(), user.roles(), Optional.ofNullable(user.password()));
    return Response.status(201)
        .header("Location", "/api/v1/admin/users/" + user.username())
        .entity(new UserCreated(c.account().name(), c.account().roles(), c.secret()))
        .build();
  }

  /** A new password for a person: the one given, or a generated one shown this once. */
  @POST
  @Path("/users/{username}/password")
  public UserCreated renewPassword(
      @PathParam("username") String username, @Valid NewPassword password) {
    AccountService.Created c =
        accounts
            .renew(
                Account.Kind.USER,
                username,
                Optional.ofNullable(password).map(NewPassword::password))
            .orElseThrow(() -> new NotFoundException("no user " + username));
    return new UserCreated(c.account().name(), c.account().roles(), c.secret());
  }

  @GET
  @Path("/users")
  public List<AccountService.AccountView> users() {
    return accounts.list(Account.Kind.USER);
  }

  @DELETE
  @Path("/users/{username}")
  public AccountService.AccountView revokeUser(@PathParam("username") String username) {
    return accounts
        .revoke(Account.Kind.USER, username)
        .orElseThrow(() -> new NotFoundException("no user " + username));
  }
}
