export { createToken } from "./create-token";
export { listTokens } from "./list-tokens";
export { revokeToken } from "./revoke-token";
export { createServiceAccount, listServiceAccounts } from "./service-accounts";
