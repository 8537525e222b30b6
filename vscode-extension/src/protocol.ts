// Types of the server's custom messages (docs/protocol.md). No behaviour here.

export interface SyncInfo { state: string; lastLatencyMs?: number | null; p50Ms?: number | null; p95Ms?: number | null; batches?: number }
export interface ServiceStatus { name: string; ready: number; total: number; pods: string[]; reason?: string | null; sync?: SyncInfo }
export interface ForwardInfo { service: string; name?: string; localPort: number; remotePort: number; pod?: string; state: string; url?: string | null }
export interface DebugSessionInfo { id: string; service: string; runtime?: string; state: string }
export interface ClusterInfo {
  state: string; name?: string; context?: string; server?: string; kubeconfig?: string;
  nodesReady?: number; nodesTotal?: number; reason?: string | null;
}
export interface EngineInfo { mode: string; frontEnd?: string; pid?: number; workspace?: string }
export type BusyInfo = string | { command?: string; title?: string; message?: string } | null | undefined;

export interface StatusSnapshot {
  version?: string;
  engine?: EngineInfo;
  cluster: ClusterInfo;
  services: ServiceStatus[];
  forwards?: ForwardInfo[];
  debugSessions?: DebugSessionInfo[];
  busy?: BusyInfo;
  revision?: number;
}

export interface HostK8sEvent { type: string; service?: string | null; message?: string | null; data?: unknown; timeMillis?: number }
/** Log lines of one service; `hostk8s/log` is not sent by the server yet (issue 6), accepted in both shapes. */
export interface LogBatch { service: string; lines?: string[]; line?: string }

export const STATUS_METHOD = 'hostk8s/status';
export const EVENT_METHOD = 'hostk8s/event';
export const LOG_METHOD = 'hostk8s/log';
/** Server → client request for a secret, proposed for the cloud commands: `{name}` → string | null. */
export const SECRET_METHOD = 'hostk8s/secret';

/** The lines of a log batch, whichever shape the server sends; empty for a malformed batch. */
export function logLines(batch: Partial<LogBatch> | null | undefined): string[] {
  if (!batch || typeof batch.service !== 'string' || !batch.service) return [];
  if (Array.isArray(batch.lines)) return batch.lines.map(String);
  return typeof batch.line === 'string' ? [batch.line] : [];
}
