// Where VS Code connects to the server's debug adapter, from the answer of `hostk8s.debug.endpoint`. Pure.
import { DebugEndpoint } from '../protocol';

export type AdapterAddress = { pipe: string } | { host: string; port: number };

/**
 * The Unix socket when the server has one (0600, only this user reaches it: no secret travels), else loopback TCP —
 * whose attach must then carry the endpoint's token (see tokenForAttach).
 */
export function adapterAddress(ep: Partial<DebugEndpoint> | undefined | null): AdapterAddress | undefined {
  if (ep?.path) return { pipe: ep.path };
  if (ep?.port) return { host: ep.host ?? '127.0.0.1', port: ep.port };
  return undefined;
}

/** The token to add to the debug configuration: only when the connection will be TCP (no socket). */
export function tokenForAttach(ep: Partial<DebugEndpoint> | undefined | null): string | undefined {
  return ep?.path ? undefined : ep?.token ?? undefined;
}
