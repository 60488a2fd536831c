package dev.trialbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The build version is this module's Maven version, read here from the pom itself. */
class BuildVersionTest {

  @Test
  void buildVersionIsTheProjectVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
        .matcher(pom);
    assertThat(parent.find()).as("core/engine/pom.xml names its parent's version").isTrue();
    assertThat(BuildVersion.current()).isEqualTo(parent.group(1)).doesNotContain("${");
  }
}
