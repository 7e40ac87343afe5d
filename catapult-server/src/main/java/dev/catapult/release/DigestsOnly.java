package dev.catapult.release;

import dev.catapult.common.InvalidInput;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tag resolver in force while no registry client is wired in: tags are refused with a clear reason. */
@Configuration(proxyBeanMethods = false)
class DigestsOnly {
  @Bean
  @ConditionalOnMissingBean(TagResolver.class)
  TagResolver digestsOnlyTagResolver() {
    return ref -> {
      throw new InvalidInput("image", "'" + ref + "' is a tag reference and no registry is configured to resolve it; "
          + "pass a digest reference (" + ref.repository() + "@sha256:…)");
    };
  }
}
