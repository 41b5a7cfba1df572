/** Who is acting: a signed-in user (cookie session or API token), or the system itself (CLI, jobs). */
export type Role = 'admin' | 'leader' | 'coordinator' | 'reporter' | 'inspector' | 'editor' | 'viewer';

export const ROLES: readonly Role[] = ['admin', 'leader', 'coordinator', 'reporter', 'inspector', 'editor', 'viewer'];

export interface ActorGrant {
  role: Role;
  unitId: number;
  hierarchy: string;
}

export interface UserActor {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  grants: ActorGrant[];
  via: 'session' | 'token';
  ip?: string | null;
}

export interface SystemActor {
  kind: 'system';
  /** What is acting: "cli", "demo", "scheduler" … */
  name: string;
}

export type Actor = UserActor | SystemActor;

export const SYSTEM_CLI: SystemActor = { kind: 'system', name: 'cli' };
