package io.hostk8s.dev.cloud.publish.app;

import io.hostk8s.dev.cloud.images.CloudImages;
import io.hostk8s.dev.core.EngineServices;
import java.util.ArrayList;
import java.util.List;

/** The image step with the product's build code: production images for linux/amd64 ({@link CloudImages}). */
public final class CloudImageStep {
  private CloudImageStep() {}

  public static ImageStep of(EngineServices engine) {
    return (registry, credentials, progress) -> {
      CloudImages.Result r = new CloudImages().publish(engine, registry, credentials, progress);
      List<String> pushed = new ArrayList<>();
      for (String service : r.pushed()) {
        String ref = r.images().get(service);
        pushed.add(ref.substring(ref.lastIndexOf('/') + 1)); // repository:tag
      }
      return new ImageStep.Images(r.images(), pushed, r.lines());
    };
  }
}
