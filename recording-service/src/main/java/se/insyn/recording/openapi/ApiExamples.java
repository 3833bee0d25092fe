package se.insyn.recording.openapi;

/**
 * Response examples shared by the resources' OpenAPI annotations, so every operation shows what a
 * client really receives (annotation values must be compile-time constants, hence strings).
 */
public final class ApiExamples {

  public static final String PROBLEM = "application/problem+json";

  public static final String NOT_FOUND =
      """
      {"type":"urn:insyn:problem:not-found","title":"Not found","status":404,\
      "detail":"No channel 0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11",\
      "instance":"/api/v1/channels/0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11"}""";

  public static final String CONFLICT =
      """
      {"type":"urn:insyn:problem:conflict","title":"Conflict","status":409,\
      "detail":"The recording has already stopped",\
      "instance":"/api/v1/recordings/5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21/stop"}""";

  public static final String VALIDATION =
      """
      {"type":"urn:insyn:problem:validation","title":"Invalid request","status":400,\
      "detail":"The request has 1 invalid field(s).","instance":"/api/v1/kill-switch",\
      "violations":[{"field":"reason","message":"must not be blank"}]}""";

  public static final String UNKNOWN_CHANNELS =
      """
      {"type":"urn:insyn:problem:rule-violation","title":"Unknown channels","status":422,\
      "detail":"1 channel id(s) name no channel; nothing was engaged","instance":"/api/v1/kill-switch",\
      "violations":[{"field":"channelIds[1]","message":"no channel 7c9e6679-7425-40de-944b-e07fc1f90ae7"}]}""";

  public static final String CHANNEL =
      """
      {"id":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11","kind":"PHONE_LINE","address":"+46351370000",\
      "name":"Medborgarservice","protectedClass":null,"secrecyClass":null,"publicRecordsLine":true}""";

  public static final String POLICY_CONTENT =
      """
      {"controller":"Laholms kommun, kommunstyrelsen","purpose":"THREAT_DOCUMENTATION",\
      "legalBasis":"PUBLIC_TASK","legalReference":"Arbetsmiljölagen 3 kap. 2 §",\
      "scope":{"channelIds":["0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11"],"direction":"INBOUND",\
      "weekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"hoursFrom":"08:00",\
      "hoursTo":"17:00","mode":"ON_DEMAND"},"consent":{"parties":"NONE"},"ropaId":"ROPA-2026-014",\
      "dpia":{"vulnerableSubjects":false,"largeScale":false,"newTechnology":false},\
      "disposal":{"body":"Kommunstyrelsen","registryNumber":"KS 2026/112","date":"2026-02-01",\
      "documentType":"Inspelat samtal, hot och våld","retention":"P90D"},\
      "notice":{"version":"threat-notice-v3","announcement":{"sv":"Samtalet spelas in för att\
       dokumentera hot."}},"employees":{"affected":true,"mblReference":"MBL 2026-03-01 §7",\
      "safetyRepView":"Skyddsombudet tillstyrker"},"reviewDate":"2027-01-31"}""";

  public static final String POLICY =
      """
      {"id":"9a1b2c3d-0000-4000-8000-000000000001","version":2,"status":"ACTIVE",\
      "effectiveStatus":"ACTIVE","author":"admin-anna","approvedBy":"approver-bo",\
      "approvedAt":"2026-03-02T09:30:00Z","content":"""
          + POLICY_CONTENT
          + """
          ,"dpiaScreening":{"criteriaMet":[],"dpiaRequired":false,"complete":true}}""";

  public static final String RECORDING =
      """
      {"id":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","state":"RECORDING",\
      "channelId":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11",\
      "policyId":"9a1b2c3d-0000-4000-8000-000000000001","policyVersion":2,\
      "startedAt":"2026-11-23T10:15:03Z","stoppedAt":null,"stopReason":null}""";

  public static final String ENGAGEMENT =
      """
      {"id":"4e2a9c70-6f1d-4c1e-9a37-1d2b3c4d5e6f","allChannels":false,\
      "channelIds":["0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11"],\
      "reason":"Recording default found on the line","engagedBy":"dpo-cecilia",\
      "engagedAt":"2026-11-23T10:20:00Z","releasedBy":null,"releasedAt":null,\
      "releaseReason":null}""";

  private ApiExamples() {}
}
