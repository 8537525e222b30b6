package io.hostk8s.dev.cloud.digitalocean;

/** {@code /v2/account}: the cheapest call that proves the token works. */
public final class AccountApi {
  private final DoApi api;

  AccountApi(DoApi api) {
    this.api = api;
  }

  /** The token's account (scope {@code account:read}). */
  public Account get() {
    return api.getOne("/v2/account", DoScopes.ACCOUNT_READ, "account", Account.class);
  }
}
