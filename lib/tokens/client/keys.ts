// Query-key factory of the API token screen: tokens and service accounts.
export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
  serviceAccounts: () => [...tokenKeys.all, "service-accounts"] as const,
};
