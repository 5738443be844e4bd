package io.streamvane.platform.security;

import java.util.List;

/**
 * A service's contribution to the endpoint-to-scope map. Each service declares one bean for its own paths, so in
 * the single-process app the rules of all services apply side by side.
 */
@FunctionalInterface
public interface AccessRules {

    List<AccessRule> rules();
}
