package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reads Traefik's dynamic configuration from the API the way its two Kubernetes providers do: Ingresses of a class
 * whose IngressClass names {@value #CONTROLLER} (or with no class), the {@code router.middlewares} annotation's
 * {@code <ns>-<name>@kubernetescrd} Middlewares (stripPrefix is the one we implement), backend Service ports, and
 * the {@code kubernetes.io/tls} Secrets of their {@code tls} sections.
 */
final class RouteLoader {

  static final String CONTROLLER = "traefik.io/ingress-controller";
  static final String MIDDLEWARES = "traefik.ingress.kubernetes.io/router.middlewares";
  static final String ROUTER_TLS = "traefik.ingress.kubernetes.io/router.tls";
  private static final Logger LOG = Logger.getLogger(RouteLoader.class.getName());

  private final KubernetesClient client;
  private final Set<String> warned = new HashSet<>();

  RouteLoader(KubernetesClient client) {
    this.client = client;
  }

  List<Ingress> ingresses() {
    Set<String> classes = client.network().v1().ingressClasses().list().getItems().stream()
        .filter(c -> CONTROLLER.equals(c.getSpec().getController())).map(c -> c.getMetadata().getName())
        .collect(Collectors.toSet());
    return client.network().v1().ingresses().inAnyNamespace().list().getItems().stream().filter(i -> {
      String cls = i.getSpec().getIngressClassName();
      if (cls == null && i.getMetadata().getAnnotations() != null) {
        cls = i.getMetadata().getAnnotations().get("kubernetes.io/ingress.class");
      }
      return cls == null || classes.contains(cls);
    }).toList();
  }

  RouteTable load(List<Ingress> ingresses) {
    Map<String, List<String>> strips = stripPrefixMiddlewares();
    Map<String, Service> services = new HashMap<>();
    List<Route> routes = new ArrayList<>();
    Map<String, RouteTable.TlsEntry> certs = new LinkedHashMap<>();
    for (Ingress ing : ingresses) {
      String ns = ing.getMetadata().getNamespace();
      Map<String, String> ann = ing.getMetadata().getAnnotations() == null ? Map.of()
          : ing.getMetadata().getAnnotations();
      boolean tlsOnly = !ing.getSpec().getTls().isEmpty() || "true".equalsIgnoreCase(ann.get(ROUTER_TLS));
      List<List<String>> middlewares = new ArrayList<>();
      for (String ref : ann.getOrDefault(MIDDLEWARES, "").split(",")) {
        String key = ref.trim();
        if (key.isEmpty()) {
          continue;
        }
        key = key.contains("@") ? key : key + "@kubernetescrd";
        List<String> prefixes = strips.get(key);
        if (prefixes == null) {
          warnOnce(ns + "/" + ing.getMetadata().getName() + ": middleware " + key
              + " not found (or not a stripPrefix Middleware); the router is skipped, as Traefik does");
          middlewares = null;
          break;
        }
        middlewares.add(prefixes);
      }
      if (middlewares == null) {
        continue;
      }
      for (IngressRule rule : ing.getSpec().getRules()) {
        if (rule.getHttp() == null) {
          continue;
        }
        for (HTTPIngressPath p : rule.getHttp().getPaths()) {
          IngressServiceBackend backend = p.getBackend().getService();
          if (backend == null) {
            continue;
          }
          Integer port = servicePort(services, ns, backend);
          if (port == null) {
            warnOnce(ns + "/" + backend.getName() + ": Service or port " + backend.getPort() + " not found");
            continue;
          }
          String path = p.getPath() == null || p.getPath().isEmpty() ? "/" : p.getPath();
          routes.add(new Route(rule.getHost(), path, "Exact".equals(p.getPathType()), ns, backend.getName(), port,
              List.copyOf(middlewares), tlsOnly, ns + "/" + ing.getMetadata().getName()));
        }
      }
      for (IngressTLS tls : ing.getSpec().getTls()) {
        if (tls.getSecretName() != null) {
          tlsEntry(ns, tls.getSecretName()).ifPresent(e -> certs.put(ns + "/" + tls.getSecretName(), e));
        }
      }
    }
    return new RouteTable(routes, certs);
  }

  @SuppressWarnings("unchecked")
  private Map<String, List<String>> stripPrefixMiddlewares() {
    Map<String, List<String>> out = new HashMap<>();
    List<GenericKubernetesResource> all;
    try {
      all = client.genericKubernetesResources("traefik.io/v1alpha1", "Middleware").inAnyNamespace().list()
          .getItems();
    } catch (RuntimeException e) {
      warnOnce("cannot list Middlewares (are the traefik.io CRDs applied?): " + e.getMessage());
      return out;
    }
    for (GenericKubernetesResource m : all) {
      Object spec = m.getAdditionalProperties().get("spec");
      Object strip = spec instanceof Map<?, ?> s ? s.get("stripPrefix") : null;
      Object prefixes = strip instanceof Map<?, ?> s ? s.get("prefixes") : null;
      if (prefixes instanceof List<?> list) {
        out.put(m.getMetadata().getNamespace() + "-" + m.getMetadata().getName() + "@kubernetescrd",
            list.stream().map(String::valueOf).toList());
      }
    }
    return out;
  }

  private Integer servicePort(Map<String, Service> cache, String ns, IngressServiceBackend backend) {
    Service svc = cache.computeIfAbsent(ns + "/" + backend.getName(),
        k -> client.services().inNamespace(ns).withName(backend.getName()).get());
    if (svc == null || backend.getPort() == null) {
      return null;
    }
    for (ServicePort sp : svc.getSpec().getPorts()) {
      if (backend.getPort().getNumber() != null ? backend.getPort().getNumber().equals(sp.getPort())
          : backend.getPort().getName() != null && backend.getPort().getName().equals(sp.getName())) {
        return sp.getPort();
      }
    }
    return null;
  }

  private Optional<RouteTable.TlsEntry> tlsEntry(String ns, String name) {
    Secret s = client.secrets().inNamespace(ns).withName(name).get();
    if (s == null || s.getData() == null || !s.getData().containsKey("tls.crt")
        || !s.getData().containsKey("tls.key")) {
      return Optional.empty();
    }
    try {
      String crt = new String(Base64.getDecoder().decode(s.getData().get("tls.crt")), StandardCharsets.UTF_8);
      String key = new String(Base64.getDecoder().decode(s.getData().get("tls.key")), StandardCharsets.UTF_8);
      return Optional.of(new RouteTable.TlsEntry(Pem.certificates(crt), Pem.privateKey(key)));
    } catch (RuntimeException e) {
      warnOnce("Secret " + ns + "/" + name + " holds no usable certificate: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void warnOnce(String message) {
    if (warned.add(message)) {
      LOG.warning(message);
    }
  }
}
