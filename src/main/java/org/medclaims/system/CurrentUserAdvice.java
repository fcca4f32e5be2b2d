package org.medclaims.system;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Every page's header: the signed-in user, their roles (the nav shows only what they may
 * open) and this page in the other language. Exception handlers, which get a model of
 * their own, call {@link #addTo(Model)}.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class CurrentUserAdvice {

	@ModelAttribute
	void header(Model model) {
		addTo(model);
	}

	public static void addTo(Model model) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getPrincipal());
		model.addAttribute("currentUser", signedIn ? user.getName() : null);
		model.addAttribute("clerk", signedIn && hasRole(user, SecurityConfiguration.CLERK));
		model.addAttribute("operator", signedIn && hasRole(user, SecurityConfiguration.OPERATOR));
		String lang = LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? "zh-CN"
				: "en";
		model.addAttribute("otherLanguage", shownPage().replaceQueryParam("lang", lang).build().toUriString());
	}

	// the page the user asked for, also when a 403 or an error page is rendered by a
	// forward to another path
	private static UriComponentsBuilder shownPage() {
		ServletUriComponentsBuilder here = ServletUriComponentsBuilder.fromCurrentRequest();
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		for (String[] original : new String[][] {
				{ RequestDispatcher.FORWARD_REQUEST_URI, RequestDispatcher.FORWARD_QUERY_STRING },
				{ RequestDispatcher.ERROR_REQUEST_URI, null } }) {
			Object uri = request.getAttribute(original[0]);
			if (uri != null) {
				Object query = original[1] == null ? null : request.getAttribute(original[1]);
				return here.replacePath(uri.toString()).replaceQuery(query == null ? null : query.toString());
			}
		}
		return here;
	}

	private static boolean hasRole(Authentication user, String role) {
		return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
	}

}
