package com.wedsync.calsync.web;

import java.util.List;
import java.util.Map;

import com.wedsync.calsync.batch.SyncNotRestartableException;
import com.wedsync.calsync.batch.SyncNotRunningException;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail. Validation failures list each field and
 * what is wrong with it, so a client can fix its request without guessing.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, invalid(ex.getBody(), errors), headers, status, request);
	}

	/** A path variable or query parameter that breaks its constraint, named. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		return handleExceptionInternal(ex, invalid(ex.getBody(), errors), headers, status, request);
	}

	/** Each field and what is wrong with it, in the detail and as {@code errors}. */
	private static ProblemDetail invalid(ProblemDetail problem, List<Map<String, String>> errors) {
		problem.setTitle("Invalid request");
		problem.setDetail(errors.isEmpty() ? "The request is not valid" : errors.size() + " invalid field(s): "
				+ String.join(", ", errors.stream().map((e) -> e.get("field") + " " + e.get("message")).toList()));
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * Malformed JSON, a value of the wrong type, an impossible date: the detail names the
	 * field, never the value (it may be a password).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle("Invalid request");
		String field = (ex.getCause() instanceof JacksonException json) ? json.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse(null) : null;
		if (field != null && ex.getCause() instanceof UnsafeTextException unsafe) {
			String message = "holds " + unsafe.character()
					+ ", a control character calendars cannot carry (tab and line breaks are fine)";
			problem.setDetail("Field '" + field + "' " + message);
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		else if (field != null) {
			problem.setDetail("The request body is not valid JSON: field '" + field + "' has the wrong type or form");
			problem.setProperty("errors", List.of(Map.of("field", field, "message", "wrong type or form")));
		}
		else {
			problem.setDetail("The request body is missing or not valid JSON of the expected shape");
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		if (ex.getField() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.getField(), "message", ex.getMessage())));
		}
		return problem;
	}

	/**
	 * Anything no other handler knows is a fault of the service, not of the request: a
	 * 500 problem that says so without the exception's text (it may hold data), and the
	 * whole exception in the log.
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, WebRequest request) throws Exception {
		if (ex instanceof org.springframework.web.ErrorResponse
				|| ex instanceof org.springframework.security.access.AccessDeniedException
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			// Spring's own answers (and security's, which its filters turn into 401/403).
			throw ex;
		}
		logger.error("Unexpected failure answering " + request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed to answer; the failure is logged");
		problem.setTitle("Internal error");
		return problem;
	}

	@ExceptionHandler(SyncNotRestartableException.class)
	ProblemDetail syncNotRestartable(SyncNotRestartableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Sync cannot be restarted");
		problem.setProperty("syncId", ex.getRun().id());
		problem.setProperty("status", ex.getRun().status());
		return problem;
	}

	@ExceptionHandler(SyncNotRunningException.class)
	ProblemDetail syncNotRunning(SyncNotRunningException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Sync is not running");
		problem.setProperty("syncId", ex.getRun().id());
		problem.setProperty("status", ex.getRun().status());
		return problem;
	}

}
