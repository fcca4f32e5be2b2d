package org.medclaims.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login page, {@code /} sending each user to the pages of their role, and the 403
 * page.
 */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Authentication user) {
		boolean operator = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"));
		return "redirect:" + (operator ? "/operations" : "/desk");
	}

	/**
	 * Forwarded here by {@link DeniedPage}, whatever the method of the refused request.
	 */
	@RequestMapping(DeniedPage.PATH)
	String denied(HttpServletRequest request, Model model) {
		model.addAttribute("requiredRole", request.getAttribute(DeniedPage.REQUIRED_ROLE));
		model.addAttribute("formExpired", Boolean.TRUE.equals(request.getAttribute(DeniedPage.FORM_EXPIRED)));
		return "error/403";
	}

}
