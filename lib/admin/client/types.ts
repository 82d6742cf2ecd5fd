// Shapes of the /api/v1/admin responses as the browser sees them.
export type GrantRef = { role: string; clusterId: string | null; pathPrefix: string | null; via?: string };

export type AdminUser = {
  id: string;
  username: string;
  name: string | null;
  provider: string;
  role: string;
  disabled: boolean;
  groups: string[];
  createdAt: string;
  lastLoginAt: string | null;
  grants: GrantRef[];
};

export type GrantRow = {
  id: string;
  subjectType: "user" | "group";
  subject: string;
  role: string;
  clusterId: string | null;
  clusterName: string | null;
  pathPrefix: string | null;
  createdAt: string;
  createdBy: string | null;
};

export type GrantInput = { subjectType: "user" | "group"; subject: string; role: string; clusterId?: string | null; pathPrefix?: string | null };

export type GroupRow = { name: string; members: number; grants: GrantRow[] };

export type AuthSettings = { defaultRole: string; envDefaultRole: string; loginMethods: { password: boolean; sso: { id: string; name: string }[] } };
