package io.asyncws.runtime.handshake;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request headers as an unmodifiable map from lower-case name to values in order of appearance,
 * made by {@link Headers#toLowerCaseMap()}. Lookups scan the {@link Headers} in place; the
 * entries are built only when something iterates, because a server makes one per handshake and
 * most applications never look. Immutable and thread-safe, like the headers behind it.
 */
public final class HeaderMap extends AbstractMap<String, List<String>> {
  private final Headers headers;
  /** The entries, built on first iteration; volatile so that any thread sees them whole. */
  private volatile Map<String, List<String>> entries;

  HeaderMap(Headers headers) {
    this.headers = headers;
  }

  /** The values of {@code key}, which must be lower case as the keys are; null when absent. */
  @Override
  public List<String> get(Object key) {
    if (!(key instanceof String name) || !name.equals(name.toLowerCase(Locale.ROOT))) return null;
    List<String> values = headers.all(name);
    return values.isEmpty() ? null : values;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    Map<String, List<String>> built = entries;
    if (built == null) {
      TreeMap<String, List<String>> map = new TreeMap<>();
      for (int i = 0; i < headers.size(); i++) {
        map.computeIfAbsent(headers.name(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(headers.value(i));
      }
      map.replaceAll((k, v) -> List.copyOf(v));
      built = Collections.unmodifiableMap(map);
      entries = built;
    }
    return built.entrySet();
  }
}
