package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.CloudCredentials;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.cloud.digitalocean.DoEndpoint;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One cloud command's connection: the API base URL ({@code --api-url}, else {@code DIGITALOCEAN_API_URL}, else
 * DigitalOcean's), the token (held in memory for this command only), the workspace's publish state.
 */
public record CloudSession(DigitalOcean api, String apiUrl, PublishStateStore store, EngineServices engine) {
  public static final Duration PROVISION_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DELETE_TIMEOUT = Duration.ofMinutes(15);
  /** Each wait of the app part (platform, load balancer, rollout, certificate). */
  public static final Duration APP_TIMEOUT = Duration.ofMinutes(10);
  public static final Sleeper REAL_TIME = d -> Thread.sleep(d.toMillis());

  public static CloudSession open(EngineServices engine, String apiUrlArgument) {
    Map<String, String> env = engine.workspace().env();
    PublishStateStore store = new PublishStateStore(engine.workspace().stateDir());
    String base = DoEndpoint.resolve(apiUrlArgument, env);
    DigitalOcean api = DigitalOcean.connect(DoApiConfig.defaults(base, CloudCredentials.of(engine).digitalOcean(env)));
    return new CloudSession(api, base, store, engine);
  }

  public PublishSettings settings(io.hostk8s.dev.protocol.commands.args.PublishPlanArgs args) {
    return PublishSettings.resolve(engine.workspace().config().config(), args);
  }

  public Optional<PublishState> state() {
    return store.load();
  }

  /** Puts {@code cloud} into the engine's status snapshot (clients draw it). */
  public void publishStatus(CloudStatus cloud) {
    engine.status().update(s -> s.withCloud(cloud));
  }

  public int calls() {
    return api.api().calls();
  }
}
