package se.insyn.consent.portal.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The portal's texts: Swedish here, English in {@code messages/msg_en.properties}. */
@MessageBundle(value = "msg", locale = "sv")
public interface PortalMessages {

  @Message("Mina val om kamera och inspelning")
  String title();

  @Message(
      "Här ser du vad myndigheten har lovat om varje ändamål och vad du själv har valt. Du kan"
          + " ändra dig när du vill, och det är frivilligt: ditt val påverkar inte hur du bedöms.")
  String intro();

  @Message("Inloggad som {user}")
  String signedInAs(String user);

  @Message("In English")
  String otherLanguage();

  @Message("Logga ut")
  String logOut();

  @Message("Du är utloggad")
  String loggedOutTitle();

  @Message("Du har loggat ut från sidan och från inloggningstjänsten.")
  String loggedOut();

  @Message("Logga in igen")
  String logInAgain();

  @Message("Det finns inga ändamål att ta ställning till just nu.")
  String nothing();

  @Message("Information, version {version}")
  String notice(int version);

  @Message("Myndighetens begränsningar av användningen")
  String limits();

  @Message("Personuppgiftsansvarig: {controller}. Kontakt: {contact}.")
  String controller(String controller, String contact);

  @Message("Ditt val")
  String yourChoice();

  @Message("Du har inte gjort något val.")
  String stateNone();

  @Message("Du har gett ditt samtycke ({since}).")
  String stateGiven(String since);

  @Message("Du har sagt nej ({since}).")
  String stateRefused(String since);

  @Message("Du har invänt ({since}).")
  String stateObjected(String since);

  @Message("Du har återkallat ditt val ({since}).")
  String stateWithdrawn(String since);

  @Message("Ditt val har upphört att gälla.")
  String stateExpired();

  @Message(
      "Informationen har ändrats väsentligt sedan du gav ditt samtycke; det gäller inte längre.")
  String stateStale();

  @Message("Ge samtycke")
  String give();

  @Message("Invänd")
  String object();

  @Message("Återkalla samtycke")
  String withdraw();

  @Message("Återkalla invändning")
  String withdrawObjection();
}
