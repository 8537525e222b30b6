// Types of the server's custom messages (docs/protocol.md), one interface per Java record of the protocol module
// (protocol/src/main/java/io/hostk8s/dev/protocol, same names and fields; test/protocol.test.ts keeps them equal).
// No behaviour here.

export interface SyncStatus {
  state: string; lastLatencyMs?: number | null; p50Ms?: number | null; p95Ms?: number | null; batches?: number;
  lastFiles?: number | null; lastBytes?: number | null; lastServingMs?: number | null; pod?: string | null; error?: string | null;
  servingP50Ms?: number | null; servingP95Ms?: number | null;
}
/** `dev`: configured in hostk8s.dev.yaml (false: another workload of the manifests, e.g. db, redis; absent from older servers: true). */
export interface ServiceStatus {
  name: string; ready: number; total: number; pods: string[]; reason?: string | null; sync?: SyncStatus; dev?: boolean | null;
  /** CPU and memory now, from the cluster's metrics API (absent: not read, or no metrics API). */
  metrics?: ServiceMetrics | null;
}
/** A service's resource use, summed over its pods: CPU in millicores, memory in bytes, pods measured. */
export interface ServiceMetrics { cpuMillicores: number; memoryBytes: number; pods: number }
export interface ForwardStatus { service: string; name?: string; localPort: number; remotePort: number; pod?: string; state: string; url?: string | null }
export interface DebugSessionStatus { id: string; service: string; runtime?: string; state: string }
export interface ClusterStatus {
  state: string; name?: string; context?: string; server?: string; kubeconfig?: string;
  nodesReady?: number; nodesTotal?: number; reason?: string | null;
  /** `sandbox` (this workspace's sandbox test bed), `digitalocean` (the published cluster: the cloud target) or `cluster`. */
  target?: string;
}
export interface EngineInfo { mode: string; frontEnd?: string; pid?: number; workspace?: string }
export type BusyInfo = string | { command?: string; title?: string; message?: string } | null | undefined;

export interface StatusSnapshot {
  version?: string;
  engine?: EngineInfo;
  cluster: ClusterStatus;
  services: ServiceStatus[];
  forwards?: ForwardStatus[];
  debugSessions?: DebugSessionStatus[];
  busy?: BusyInfo;
  revision?: number;
  /** What publish created on DigitalOcean, as last seen; null: nothing published and not asked. */
  cloud?: CloudStatus | null;
}

/**
 * The snapshot's cloud section. `state`: `none` (nothing published), `provisioning`, `running`, `degraded`, `error`,
 * `deleting`, `deleted`. `registryIntegrated`: the cluster may pull from the registry. `kubeconfig`: our 0600 file
 * under .hostk8s/. `monthlyUsd`: the plan's estimate for what exists. `lastError`: message only, never a secret.
 * `nodesReady`/`nodesTotal`: the cluster's nodes (live status only); `app`: the published app (null before it ran).
 */
export interface CloudStatus {
  provider: string; state: string; cluster?: string | null; clusterId?: string | null; region?: string | null;
  message?: string | null; registry?: string | null; registryIntegrated?: boolean | null; kubeconfig?: string | null;
  monthlyUsd?: number | null; lastError?: string | null; updatedAt?: string | null;
  nodesReady?: number | null; nodesTotal?: number | null; app?: CloudApp | null;
}
/**
 * The published app: `url` (https://host/vote/), the load balancer's IP and DigitalOcean state, whether the host
 * resolves to it here, the certificate, the app's Deployments ready/total, the HTTPS check, Postgres' volumes, images.
 */
export interface CloudApp {
  url: string; host: string; loadBalancerIp?: string | null; loadBalancerState?: string | null; dnsResolves?: boolean | null;
  certificateReady?: boolean | null; servicesReady?: number | null; servicesTotal?: number | null; httpsOk?: boolean | null;
  volumes: string[]; images: string[];
  /** One line per service in debug mode on the published app (`hostk8s.publish.debug.start`); absent or empty: none. */
  debugging?: string[];
}
/** One resource of a publish plan: `action` create | reuse | upgrade | wait | later; `monthlyUsd` null when free. */
export interface PlanItem {
  kind: string; name: string; action: string; detail: string; monthlyUsd?: number | null; priceSource?: string | null;
}
/** `hostk8s.publish.plan`: what apply would create or reuse, and what it costs. */
export interface PublishPlan {
  account: string; apiUrl: string; items: PlanItem[]; monthlyUsd: number; hourlyUsd: number; warnings: string[];
  consentNeeded: boolean; lines: string[]; summary: string; apiCalls: number;
}
/** `hostk8s.publish.apply`, `.status` and `.teardown`: where the published app stands. */
export interface PublishResult { ok: boolean; summary: string; cloud?: CloudStatus | null; lines: string[]; apiCalls: number }

export interface HostK8sEvent { type: string; service?: string | null; message?: string | null; data?: unknown; timeMillis?: number }
/** Log lines of one service's pod (`hostk8s/log`). */
export interface LogBatch { service: string; pod?: string | null; lines: string[] }

/**
 * CONFIRM: a consent (boolean). The client runs the argument's `preview` command with the other arguments, shows its
 * result (summary and lines) in a modal dialog and sets the argument true only when the person accepts; a refusal
 * cancels the command.
 */
export type ArgumentKind = 'SERVICE' | 'DEBUG_SERVICE' | 'FILE' | 'CHOICE' | 'BOOLEAN' | 'CONFIRM' | 'INTEGER' | 'NUMBER' | 'STRING';
/** One named field of a command's argument object, as a client asks for it; `preview`: CONFIRM's preview command. */
export interface ArgumentDescription {
  name: string; kind: ArgumentKind; prompt: string; required: boolean; choices: string[]; example?: string | null;
  preview?: string | null;
}
/**
 * The answer of `hostk8s.debug.endpoint`: the debug adapter's Unix socket (`path`, preferred: no secret needed), and
 * loopback `host`:`port`, whose attach/launch must pass `token` as an argument of that name. `token` is a secret.
 */
export interface DebugEndpoint {
  path?: string | null; host: string; port: number; token: string;
}
/** How to show a result: `summary` with `{field}`/`{field.sub}` placeholders; the others name result fields. */
export interface ResultView {
  show: 'message' | 'document' | 'status' | 'logs' | string;
  summary: string; lines?: string | null; okField?: string | null; url?: string | null; debug?: string | null;
  problems?: string | null; fixes?: string | null;
  /** The label of the button that opens `url` (`{field}` filled like the summary); absent: "Open in Browser". */
  urlLabel?: string | null;
}
/** A command that fixes a problem (a button): the server command id and its arguments (in errors' data and results). */
export interface Fix { title: string; command: string; arguments: unknown[] }
/** A server command as `hostk8s/commands` describes it. */
export interface CommandDescription {
  id: string; title: string; category: string; longRunning: boolean; arguments: ArgumentDescription[]; result: ResultView;
}

export const STATUS_METHOD = 'hostk8s/status';
export const COMMANDS_METHOD = 'hostk8s/commands';
export const EVENT_METHOD = 'hostk8s/event';
export const LOG_METHOD = 'hostk8s/log';
/** Server → client request for a secret (`{name: 'digitalocean.token'}`) → string | null (none: the person gave none). */
export const SECRET_METHOD = 'hostk8s/secret';

/** The lines of a log batch (also the one-`line` shape of early servers); empty for a malformed batch. */
export function logLines(batch: (Partial<LogBatch> & { line?: string }) | null | undefined): string[] {
  if (!batch || typeof batch.service !== 'string' || !batch.service) return [];
  if (Array.isArray(batch.lines)) return batch.lines.map(String);
  return typeof batch.line === 'string' ? [batch.line] : [];
}
