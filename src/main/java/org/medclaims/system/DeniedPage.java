package org.medclaims.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A page refused to the signed-in user: the 403 page names the role it needs (or says the
 * form expired).
 */
class DeniedPage implements AccessDeniedHandler {

	static final String PATH = "/denied";

	static final String REQUIRED_ROLE = "medclaims.requiredRole";

	static final String FORM_EXPIRED = "medclaims.formExpired";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		request.setAttribute(REQUIRED_ROLE, SecurityConfiguration.pageRole(path));
		request.setAttribute(FORM_EXPIRED, denied instanceof CsrfException);
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		request.getRequestDispatcher(PATH).forward(request, response);
	}

}
