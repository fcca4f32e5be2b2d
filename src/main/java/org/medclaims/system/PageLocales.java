package org.medclaims.system;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages speak Chinese (zh-CN) first and English on request: {@code ?lang=en}
 * (remembered in a cookie, {@code ?lang=zh-CN} switches back), else a browser whose
 * Accept-Language prefers English; any other language gets Chinese. Texts come from
 * {@code messages*.properties}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageLocales implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
		browser.setSupportedLocales(List.of(CHINESE, Locale.ENGLISH));
		browser.setDefaultLocale(CHINESE);
		CookieLocaleResolver chosen = new CookieLocaleResolver("medclaims-lang");
		chosen.setDefaultLocaleFunction(browser::resolveLocale);
		return chosen;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		// a mistyped ?lang= keeps the page's language rather than failing it
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
