package org.medclaims.system;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in user's name for every page's header. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	String currentUser(Principal principal) {
		return principal == null ? null : principal.getName();
	}

}
