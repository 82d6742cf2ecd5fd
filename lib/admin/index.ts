export { listUsers, updateUser } from "./users";
export { createGrant, deleteGrant, listGrants, listGroups } from "./grants";
export { readAuthSettings, updateAuthSettings } from "./settings";
export { createLocalUser, resetPassword } from "./accounts";
