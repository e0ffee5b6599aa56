package io.asyncws.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * What generated the files, as the checksum needs it: the plugin's coordinates and those of every
 * library it runs with (the generator, JavaPoet, ...). A release is identified by its version; a
 * SNAPSHOT changes without changing its version, so its jar's content is hashed too — otherwise a
 * changed generator in the same reactor would be wrongly skipped.
 */
final class GeneratorIdentity {
  private GeneratorIdentity() {}

  /** One string naming the plugin and its libraries, stable while none of them changes. */
  static String of(PluginDescriptor plugin) throws IOException {
    List<Artifact> artifacts = new ArrayList<>(plugin.getArtifacts());
    artifacts.add(plugin.getPluginArtifact());
    List<String> ids = new ArrayList<>();
    for (Artifact artifact : artifacts) {
      String id = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
      File file = artifact.getFile();
      if (artifact.isSnapshot() && file != null && file.exists()) {
        id += "@" + Sha256.ofContents(file.toPath());
      }
      ids.add(id);
    }
    ids.sort(null);
    return String.join(",", ids);
  }
}
