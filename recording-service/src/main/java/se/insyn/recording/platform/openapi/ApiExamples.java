package se.insyn.recording.platform.openapi;

/**
 * Response examples shared by the resources' OpenAPI annotations, so every operation shows what a
 * client really receives (annotation values must be compile-time constants, hence strings).
 */
public final class ApiExamples {

  public static final String UNKNOWN_CHANNELS =
      """
      {"type":"urn:insyn:problem:rule-violation","title":"Unknown channels","status":422,\
      "detail":"1 channel id(s) name no channel; nothing was engaged","instance":"/api/v1/kill-switch",\
      "violations":[{"field":"channelIds[1]","message":"no channel 7c9e6679-7425-40de-944b-e07fc1f90ae7"}]}""";

  public static final String CHANNEL =
      """
      {"id":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11","kind":"PHONE_LINE","address":"+46351370000",\
      "name":"Medborgarservice","protectedClass":null,"secrecyClass":null,"publicRecordsLine":true,\
      "platform":"demo-pbx"}""";

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
       dokumentera hot. Kommunstyrelsen ansvarar, inspelningen sparas 90 dagar, läs mer om dina\
       rättigheter på laholm.se."}},"employees":{"affected":true,"mblReference":"MBL 2026-03-01 §7",\
      "safetyRepView":"Skyddsombudet tillstyrker"},"reviewDate":"2027-01-31"}""";

  public static final String POLICY =
      """
      {"id":"9a1b2c3d-0000-4000-8000-000000000001","version":2,"status":"ACTIVE",\
      "effectiveStatus":"ACTIVE","author":"1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a","approvedBy":"5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716",\
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
      "reason":"Recording default found on the line","engagedBy":"6c5b4a39-2817-4f6e-9d5c-4b3a29180716",\
      "engagedAt":"2026-11-23T10:20:00Z","releasedBy":null,"releasedAt":null,\
      "releaseReason":null}""";

  public static final String CONTENT =
      """
      {"recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","state":"SEALED",\
      "contentType":"audio/wav","size":1843200,\
      "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\
      "seal":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",\
      "sealIntact":true,"sealedAt":"2026-11-23T10:21:40Z"}""";

  public static final String UPLOAD_INCOMPLETE =
      """
      {"type":"urn:insyn:problem:upload-incomplete","title":"Upload incomplete","status":400,\
      "detail":"The content could not be received completely; nothing was kept, upload it again",\
      "instance":"/api/v1/recordings/5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21/content"}""";

  public static final String LEGAL_HOLD =
      """
      {"id":"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d","caseRef":"KS 2026/331",\
      "reason":"DOCUMENT_REQUEST","recordingIds":["5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21"],\
      "channelId":null,"from":null,"to":null,"placedBy":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",\
      "placedAt":"2026-11-24T08:00:00Z","releasedBy":null,"releasedAt":null,\
      "releaseReason":null,"covered":["5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21"],\
      "alreadyDisposed":[]}""";

  public static final String UNKNOWN_RECORDINGS =
      """
      {"type":"urn:insyn:problem:rule-violation","title":"Unknown recordings","status":422,\
      "detail":"Some recording ids name no recording; nothing was held",\
      "instance":"/api/v1/legal-holds","violations":[{"field":"criteria.recordingIds[0]",\
      "message":"no recording 7c9e6679-7425-40de-944b-e07fc1f90ae7"}]}""";

  public static final String APPROVAL =
      """
      {"id":"2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",\
      "recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","requester":"3f1c9a52-7d4e-4b8a-9c2f-1e6d5b4a3c21",\
      "reasonCode":"CASE_HANDLING","caseRef":"SOC 2026/12","requestedAt":"2026-11-24T08:55:00Z",\
      "approvedBy":"2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b","approvedAt":"2026-11-24T09:00:00Z",\
      "expiresAt":"2026-11-25T09:00:00Z","usedAt":null}""";

  public static final String ACCESS_REQUEST =
      """
      {"id":"2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",\
      "recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","requester":"3f1c9a52-7d4e-4b8a-9c2f-1e6d5b4a3c21",\
      "reasonCode":"CASE_HANDLING","caseRef":"SOC 2026/12","requestedAt":"2026-11-24T08:55:00Z",\
      "approvedBy":null,"approvedAt":null,"expiresAt":null,"usedAt":null}""";

  public static final String COPY_REQUEST =
      """
      {"id":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",\
      "recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","requester":"4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d",\
      "requestRef":"DPO 2026/41","reasonCode":"RIGHT_OF_ACCESS","requestedAt":"2026-11-24T08:55:00Z",\
      "approvedBy":"2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b","approvedAt":"2026-11-24T09:00:00Z",\
      "expiresAt":"2026-11-25T09:00:00Z"}""";

  public static final String RECORDING_LIST =
      """
      [{"id":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","state":"STOPPED",\
      "channelId":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11",\
      "policyId":"9a1b2c3d-0000-4000-8000-000000000001","policyVersion":2,\
      "createdAt":"2026-11-23T10:15:00Z","startedAt":"2026-11-23T10:15:03Z",\
      "stoppedAt":"2026-11-23T10:21:30Z","deleteAfter":"2027-02-21T10:15:00Z",\
      "contentState":"SEALED","contentHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\
      "disposedAt":null}]""";

  public static final String SUBJECT_ACCESS =
      """
      {"recordings":[{"recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21",\
      "recordedAt":"2026-11-23T10:15:03Z","channelId":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11",\
      "channelName":"Medborgarservice","policyId":"9a1b2c3d-0000-4000-8000-000000000001",\
      "policyVersion":2,"purpose":"THREAT_DOCUMENTATION","legalBasis":"PUBLIC_TASK",\
      "status":"RETAINED","deleteAfter":"2027-02-21T10:15:00Z","disposedAt":null,\
      "disposalReceipt":null,"accesses":[{"actor":"3f1c9a52-7d4e-4b8a-9c2f-1e6d5b4a3c21","action":"PLAYBACK",\
      "reasonCode":"THREAT_INVESTIGATION","caseRef":"AM 2026/77","at":"2026-11-24T09:05:00Z"}]}]}""";

  private ApiExamples() {}

  public static final String DISCOVERY_REQUEST =
      """
      {"platform":"pbx-east","foundAt":"2026-11-23T08:00:00Z","recordings":[\
      {"externalId":"rec-000481","address":"+46351370000","recordedAt":"2026-11-20T13:02:11Z",\
      "durationSeconds":184,"callerNumber":"+46701234567"}]}""";

  public static final String DISCOVERY_BATCH =
      """
      {"batchId":"a1f3c5e7-0b2d-4e6f-8a9c-1d3e5f7a9b0c","platform":"pbx-east",\
      "foundAt":"2026-11-23T08:00:00Z","quarantined":1,\
      "notificationDeadline":"2026-11-26T08:00:00Z","recordings":[{\
      "id":"c3e5a7b9-1d2f-4a6b-8c0d-2e4f6a8b0c1d","externalId":"rec-000481",\
      "status":"QUARANTINED","matchedRecordingId":null}]}""";

  public static final String DISCOVERED_RECORDING =
      """
      {"id":"c3e5a7b9-1d2f-4a6b-8c0d-2e4f6a8b0c1d","batchId":"a1f3c5e7-0b2d-4e6f-8a9c-1d3e5f7a9b0c",\
      "platform":"pbx-east","externalId":"rec-000481",\
      "channelId":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11","address":"+46351370000",\
      "recordedAt":"2026-11-20T13:02:11Z","durationSeconds":184,\
      "callerHmac":"6b1f0c2e9d7a4b3c8e5f1a2d0c9b8e7f6a5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b",\
      "foundAt":"2026-11-23T08:00:00Z","status":"QUARANTINED","matchedRecordingId":null,\
      "contentState":"SEALED",\
      "contentHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\
      "decision":null,"decisionRef":null,"holdId":null,"rationale":null,"decidedBy":null,\
      "decidedAt":null,"disposalReceipt":null}""";

  public static final String DPO_DECISION =
      """
      {"decision":"DISPOSE","decisionRef":"KS 2026/140",\
      "rationale":"Recorded without a PERMIT; no investigation needs it"}""";

  public static final String DISCOVERED_DISPOSED =
      """
      {"id":"c3e5a7b9-1d2f-4a6b-8c0d-2e4f6a8b0c1d","status":"DISPOSED","decision":"DISPOSE",\
      "decisionRef":"KS 2026/140","rationale":"Recorded without a PERMIT; no investigation needs it",\
      "decidedBy":"8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d","decidedAt":"2026-11-24T09:00:00Z",\
      "disposalReceipt":{"discoveredRecordingId":"c3e5a7b9-1d2f-4a6b-8c0d-2e4f6a8b0c1d",\
      "decision":"DISPOSE","decisionRef":"KS 2026/140","disposedAt":"2026-11-24T09:00:00Z",\
      "receiptId":"e7a9c1b3-5d6f-4e8a-9b0c-3d5e7f9a1b2c"}}""";
}
