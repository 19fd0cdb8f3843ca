/**
 * The audit hook: one audit.k8s.io/v1 Event per request at the ResponseComplete stage, handed to
 * a backend. The policy is fixed at level Metadata for now (no request or response bodies).
 */

/** audit.k8s.io/v1 Event at level Metadata. */
export interface AuditEvent {
  kind: 'Event';
  apiVersion: 'audit.k8s.io/v1';
  level: 'Metadata';
  auditID: string;
  stage: 'ResponseComplete' | 'Panic';
  requestURI: string;
  verb: string;
  user: { username: string; uid?: string; groups?: readonly string[] };
  impersonatedUser?: { username: string; groups?: readonly string[] };
  sourceIPs: string[];
  userAgent?: string;
  objectRef?: { resource?: string; namespace?: string; name?: string; apiGroup?: string; apiVersion?: string; subresource?: string };
  responseStatus?: { metadata: Record<string, never>; code: number; status?: string; message?: string; reason?: string };
  requestReceivedTimestamp: string;
  stageTimestamp: string;
}

/** Where audit events go. Contract: must not throw and must not block the request. */
export interface AuditBackend {
  processEvent(event: AuditEvent): void;
  /** Flushes and closes, at shutdown. */
  shutdown?(): Promise<void>;
}
