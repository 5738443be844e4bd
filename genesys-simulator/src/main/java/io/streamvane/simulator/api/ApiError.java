package io.streamvane.simulator.api;

import java.util.Map;

/** An error answer in Genesys's shape {@code {message, code, status}}, with extra headers (Retry-After). */
final class ApiError extends RuntimeException {

    final int status;
    final String code;
    final Map<String, String> headers;

    ApiError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad.request", message);
    }
}
