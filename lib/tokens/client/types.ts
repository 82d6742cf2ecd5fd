// Shapes of the token endpoints as the browser sees them, derived from the server's verbs and schemas.
import type { Answer } from "@/lib/core/client/answer";
import type { createServiceAccount, createToken, listServiceAccounts, listTokens, revokeToken } from "@/lib/tokens";
import type { CreateTokenInput } from "@/lib/tokens/schema";

export type { CreateTokenInput };
export type TokenList = Answer<typeof listTokens>;
export type ApiTokenRow = TokenList["tokens"][number];
export type CreatedToken = Answer<typeof createToken>;
export type RevokedToken = Answer<typeof revokeToken>;
export type ServiceAccountList = Answer<typeof listServiceAccounts>;
export type ServiceAccountRow = ServiceAccountList["serviceAccounts"][number];
export type CreatedServiceAccount = Answer<typeof createServiceAccount>;
