package dev.talentgraph.portal;

import dev.talentgraph.security.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every portal page's layout needs: the logged-in person and the CSRF token. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {
  /** The CSRF token every form and the session's GraphQL calls send back. */
  @ModelAttribute("csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? Mono.empty() : token;
  }

  @ModelAttribute("me")
  Principal me(@AuthenticationPrincipal Principal me) {
    return me;
  }
}
