/**
 * Load: reads one YAML or JSON file into the positioned tree of {@code io.asyncws.generator.tree},
 * typed by the YAML 1.2 core schema, guarded by {@link io.asyncws.generator.load.LoadLimits}.
 * {@link io.asyncws.generator.load.DocumentLoader} is the entry point; every problem becomes a
 * diagnostic with a line and column, never an exception.
 */
package io.asyncws.generator.load;
