package io.hostk8s.dev.cloud.digitalocean;

/**
 * The token scopes each operation needs, from the {@code security} of that operation in DigitalOcean's OpenAPI spec
 * ({@code a + b}: both). Named in the 403 message so the user knows what to add to a custom-scoped token.
 */
final class DoScopes {
  static final String ACCOUNT_READ = "account:read";
  static final String K8S_READ = "kubernetes:read";
  static final String K8S_CREATE = "kubernetes:create";
  static final String K8S_UPDATE = "kubernetes:update";
  static final String K8S_DELETE = "kubernetes:delete";
  static final String K8S_ACCESS = "kubernetes:access_cluster";
  static final String K8S_ADD_REGISTRY = "kubernetes:create + kubernetes:update";
  static final String SIZES_READ = "sizes:read + regions:read";
  static final String REGISTRY_READ = "registry:read";
  static final String REGISTRY_CREATE = "registry:create";
  static final String REGISTRY_UPDATE = "registry:update";
  static final String REGISTRY_DELETE = "registry:delete";
  static final String REGISTRY_CREDENTIALS = "registry:read + registry:update";

  static final String LB_READ = "load_balancer:read";
  static final String LB_DELETE = "load_balancer:delete";
  static final String DOMAIN_READ = "domain:read";
  static final String DOMAIN_CREATE = "domain:create";
  static final String DOMAIN_UPDATE = "domain:update";
  static final String DOMAIN_DELETE = "domain:delete";
  static final String VOLUME_READ = "block_storage:read";
  static final String VOLUME_DELETE = "block_storage:delete";
  static final String MONITORING_READ = "monitoring:read";
  static final String MONITORING_CREATE = "monitoring:create";
  static final String MONITORING_UPDATE = "monitoring:update";
  static final String MONITORING_DELETE = "monitoring:delete";

  private DoScopes() {}
}
