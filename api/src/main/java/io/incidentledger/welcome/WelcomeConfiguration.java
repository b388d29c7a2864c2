package io.incidentledger.welcome;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Short addresses people type: the landing page lists the rest. */
@Configuration(proxyBeanMethods = false)
class WelcomeConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/board", "/board.html");
    }
}
