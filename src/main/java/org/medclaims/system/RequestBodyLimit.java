package org.medclaims.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's body limit: a request that announces a larger body is answered 413
 * problem+json before anything reads it (a body sent without a length is cut off by the
 * controller that reads it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestBodyLimit extends OncePerRequestFilter {

	/** 200 ad-hoc claim lines of long names and codes fit with room to spare. */
	public static final int MAX_BODY_BYTES = 256 * 1024;

	public static final String CODE = "PAYLOAD_TOO_LARGE";

	/** The sentence a client reads when its body is over the limit. */
	public static String tooLarge() {
		return "The body is larger than " + MAX_BODY_BYTES / 1024 + " KiB, the limit of this API; an ad-hoc claim"
				+ " has at most 200 lines.";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			// the connection is closed after the answer: the rest of the body is not
			// worth reading
			response.setHeader("Connection", "close");
			ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, CODE, tooLarge());
			return;
		}
		chain.doFilter(request, response);
	}

}
