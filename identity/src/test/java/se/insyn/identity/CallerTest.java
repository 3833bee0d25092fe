package se.insyn.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.UnauthorizedException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void aPersonIsTheirSubNotTheirUsername() {
    Caller caller =
        Caller.of(
            token(
                Map.of(
                    "sub", "5f0c7f9e-1b1a-4f4e-9a54-0d3a7e0b2c11",
                    "preferred_username", "anna",
                    "azp", "insyn-portal")));
    assertEquals("5f0c7f9e-1b1a-4f4e-9a54-0d3a7e0b2c11", caller.subject());
    assertEquals("anna", caller.displayName());
    assertEquals("insyn-portal", caller.client());
    assertTrue(caller.isClient("insyn-portal"));
    assertFalse(caller.isClient("demo-pbx"));
  }

  @Test
  void withoutAUsernameTheSubjectIsShownAndWithoutAzpThereIsNoClient() {
    Caller caller = Caller.of(token(Map.of("sub", "s-1")));
    assertEquals("s-1", caller.displayName());
    assertNull(caller.client());
    assertFalse(caller.isClient(null));
  }

  @Test
  void aTokenWithoutSubIsUnauthenticated() {
    assertThrows(
        UnauthorizedException.class, () -> Caller.of(token(Map.of("preferred_username", "anna"))));
    assertThrows(UnauthorizedException.class, () -> Caller.of(token(Map.of("sub", " "))));
  }

  private static JsonWebToken token(Map<String, Object> claims) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return (String) claims.get("sub");
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
      }
    };
  }
}
