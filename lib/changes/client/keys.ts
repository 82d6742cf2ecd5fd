// Query-key factory of the change-request screens: lists, one request, the header's inbox.
export const changeKeys = {
  all: ["change-requests"] as const,
  list: (filters: Record<string, string>) => [...changeKeys.all, "list", filters] as const,
  one: (id: number) => [...changeKeys.all, "one", id] as const,
  inbox: () => [...changeKeys.all, "inbox"] as const,
  protections: (clusterId: string) => [...changeKeys.all, "protections", clusterId] as const,
};
