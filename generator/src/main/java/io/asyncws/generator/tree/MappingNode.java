package io.asyncws.generator.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping or JSON object. Keys keep their document order and their own positions.
 *
 * @param location where the mapping starts
 * @param entries the entries in document order, keyed by key text
 */
public record MappingNode(SourceLocation location, Map<String, Entry> entries) implements Node {

  /**
   * One key and its value.
   *
   * @param key the key text
   * @param keyLocation where the key stands: the place to point at for an unknown or misspelt key
   * @param value the value
   */
  public record Entry(String key, SourceLocation keyLocation, Node value) {}

  public MappingNode {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** The value under {@code key}, if present. */
  public Optional<Node> get(String key) {
    Entry entry = entries.get(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  /** The entry under {@code key}, if present. */
  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The keys in document order. */
  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  @Override
  public String kindName() {
    return "object";
  }
}
