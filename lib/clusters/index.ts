export * from "./registry";
export * from "./test-connection";
export * from "./schema";
export { parseConnectionString } from "@/lib/core/zk/connection-string";
export { addCredential, listCredentials, removeCredential, checkCredentialKey, type CredentialView } from "./credentials";
export { diagnoseCluster } from "./diagnose";
