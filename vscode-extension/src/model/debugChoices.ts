// Which services a `hostk8s` debug session can attach to: the server says so in the description of
// `hostk8s.debug.endpoint` (its DEBUG_SERVICE argument lists the services with a debugger). Pure.
import { CommandDescription } from '../protocol';

export const DEBUG_ENDPOINT = 'hostk8s.debug.endpoint';

/** The services with a debugger, or undefined when the server has not described them (older server). */
export function debuggableServices(commands: ReadonlyMap<string, CommandDescription>): string[] | undefined {
  const arg = commands.get(DEBUG_ENDPOINT)?.arguments.find(a => a.kind === 'DEBUG_SERVICE');
  return arg ? [...(arg.choices ?? [])] : undefined;
}

/** Why `service` cannot be debugged, or undefined when it can (or when the server did not say). */
export function debugProblem(service: string, debuggable: readonly string[] | undefined): string | undefined {
  if (!debuggable || debuggable.includes(service)) return undefined;
  const which = debuggable.length ? `services you can debug: ${debuggable.join(', ')}` : 'no service has one yet';
  return `HostK8s: "${service}" has no debugger in hostk8s.dev.yaml (${which}).`;
}

export interface HostK8sDebugConfiguration { type: 'hostk8s'; request: 'attach'; name: string; service: string }

/** One attach configuration per service with a debugger (the debug picker's "HostK8s" entries). */
export function debugConfigurations(debuggable: readonly string[]): HostK8sDebugConfiguration[] {
  return debuggable.map(service => ({ type: 'hostk8s', request: 'attach', name: `Debug ${service} in cluster`, service }));
}
