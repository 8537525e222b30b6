package io.hostk8s.dev.cloud.publish;

import java.util.List;
import java.util.Map;

/**
 * What the app part of publish made or found, by id (never a secret): the load balancer the cluster's cloud
 * controller made for the ingress controller, the DNS zone and records, Postgres' volume, the pushed images.
 *
 * @param domainCreated we created the DNS zone (teardown deletes it; otherwise only our records)
 * @param recordIds     A records we created or repointed
 * @param images        service → image reference pushed for this release
 * @param pushedTags    {@code repository:tag} pushed to a registry we did not create (teardown deletes those tags)
 * @param debug         service → its debug mode on the cloud ({@code publish debug start}); empty when none
 */
public record AppState(String lbId, String lbName, String lbIp, String host, String domain, boolean domainCreated,
    List<Long> recordIds, List<String> volumeIds, Map<String, String> images, List<String> pushedTags,
    Boolean certificateReady, Boolean httpsOk, Map<String, DebugMode> debug) {

  public AppState {
    recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    volumeIds = volumeIds == null ? List.of() : List.copyOf(volumeIds);
    images = images == null ? Map.of() : Map.copyOf(images);
    pushedTags = pushedTags == null ? List.of() : List.copyOf(pushedTags);
    debug = debug == null ? Map.of() : Map.copyOf(debug);
  }

  public static AppState empty() {
    return new AppState(null, null, null, null, null, false, List.of(), List.of(), Map.of(), List.of(), null, null, Map.of());
  }

  public AppState withLoadBalancer(String id, String name, String ip) {
    return new AppState(id, name, ip, host, domain, domainCreated, recordIds, volumeIds, images, pushedTags,
        certificateReady, httpsOk, debug);
  }

  public AppState withDns(String host, String domain, boolean created, List<Long> records) {
    return new AppState(lbId, lbName, lbIp, host, domain, created, records, volumeIds, images, pushedTags,
        certificateReady, httpsOk, debug);
  }

  public AppState withVolumes(List<String> ids) {
    return new AppState(lbId, lbName, lbIp, host, domain, domainCreated, recordIds, ids, images, pushedTags,
        certificateReady, httpsOk, debug);
  }

  public AppState withImages(Map<String, String> refs, List<String> pushed) {
    return new AppState(lbId, lbName, lbIp, host, domain, domainCreated, recordIds, volumeIds, refs, pushed,
        certificateReady, httpsOk, debug);
  }

  public AppState withDebug(Map<String, DebugMode> d) {
    return new AppState(lbId, lbName, lbIp, host, domain, domainCreated, recordIds, volumeIds, images, pushedTags,
        certificateReady, httpsOk, d);
  }

  public AppState withChecks(Boolean certificate, Boolean https) {
    return new AppState(lbId, lbName, lbIp, host, domain, domainCreated, recordIds, volumeIds, images, pushedTags,
        certificate, https, debug);
  }
}
