/** Who may call what: API keys and JWTs mapped to scopes, and 401/403 answered as RFC 9457 problem+json. */
package io.streamvane.platform.security;
