package io.hostk8s.dev.testbed.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The merges the CRUD mock lacks. Apply: maps merge recursively, lists are replaced (the applied manifest is the
 * whole intent of its single manager). Strategic merge: as JSON merge patch, but lists of objects with a
 * {@code name} merge element by element.
 */
final class JsonMerge {

  private JsonMerge() {
  }

  static Map<String, Object> apply(Map<String, Object> live, Map<String, Object> applied) {
    return merge(live, applied, false);
  }

  static Map<String, Object> strategic(Map<String, Object> live, Map<String, Object> patch) {
    return merge(live, patch, true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> live, Map<String, Object> patch, boolean byName) {
    Map<String, Object> out = new LinkedHashMap<>(live);
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      Object p = e.getValue();
      Object l = out.get(e.getKey());
      if (p == null) {
        out.remove(e.getKey());
      } else if (p instanceof Map && l instanceof Map) {
        out.put(e.getKey(), merge((Map<String, Object>) l, (Map<String, Object>) p, byName));
      } else if (byName && p instanceof List && l instanceof List && named((List<Object>) p)) {
        out.put(e.getKey(), mergeByName((List<Object>) l, (List<Object>) p));
      } else {
        out.put(e.getKey(), p);
      }
    }
    return out;
  }

  private static boolean named(List<Object> list) {
    return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map && ((Map<?, ?>) o).get("name") != null);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> mergeByName(List<Object> live, List<Object> patch) {
    List<Object> out = new ArrayList<>(live);
    for (Object p : patch) {
      Object name = ((Map<?, ?>) p).get("name");
      int idx = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) instanceof Map && Objects.equals(((Map<?, ?>) out.get(i)).get("name"), name)) {
          idx = i;
        }
      }
      if (idx < 0) {
        out.add(p);
      } else {
        out.set(idx, merge((Map<String, Object>) out.get(idx), (Map<String, Object>) p, true));
      }
    }
    return out;
  }
}
