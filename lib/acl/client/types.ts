// Shapes of the ACL, preset and cluster credential endpoints as the browser sees them, derived from
// the server's verbs and schemas (type-only imports).
import type { z } from "zod";
import type { Answer, Wire } from "@/lib/core/client/answer";
import type { noAuthDetails } from "@/lib/access/explain-no-auth";
import type { aclConflictDetails } from "@/lib/acl/conflict";
import type { lockoutDetails } from "@/lib/access/mutations/acl-lockout";
import type { applyRecursiveAcl, computeDigest, getAcl, listPresets, previewRecursiveAcl, setAcl } from "@/lib/acl";
import type { presetInput, recursiveAclInput, setAclInput } from "@/lib/acl/schema";
import type { addCredential } from "@/lib/clusters/credentials";
import type { credentialInput } from "@/lib/clusters/credentials-schema";

/** GET …/acl: the ACL, its aversion, and the console session's identities and perms at this node. */
export type AclState = Answer<typeof getAcl>;

export type SetAclInput = z.input<typeof setAclInput>;
export type SetAclResult = Answer<typeof setAcl>;

/** `details` of a 409 BAD_VERSION on an ACL save. */
export type AclConflict = Wire<ReturnType<typeof aclConflictDetails>>;
/** `details` of a 409 LOCKOUT. */
export type LockoutDetails = Wire<ReturnType<typeof lockoutDetails>>;
/** `details` of a 403 NO_AUTH. */
export type NoAuthDetails = Wire<ReturnType<typeof noAuthDetails>>;

/** The body of an apply (a preview sends `preview: true` and only the ACL). */
export type RecursiveAclInput = Omit<z.input<typeof recursiveAclInput>, "preview">;
export type RecursiveAclPreview = Answer<typeof previewRecursiveAcl>;
/** The POST answers a preview or an apply, as its body asks: this is the apply. */
export type RecursiveAclResult = Exclude<Answer<typeof applyRecursiveAcl>, RecursiveAclPreview>;

export type AclPreset = Answer<typeof listPresets>[number];
export type PresetInput = z.input<typeof presetInput>;

/** A cluster credential as admins see it: scheme and label, never the secret. */
export type ClusterCredential = Answer<typeof addCredential>;
export type CredentialInput = z.input<typeof credentialInput>;

export type PresetList = { presets: AclPreset[] };
/** POST and PUT of a preset answer `{ preset }`. */
export type PresetAnswer = { preset: AclPreset };
export type CredentialList = { credentials: ClusterCredential[] };
export type CredentialAnswer = { credential: ClusterCredential };
export type DigestAnswer = Answer<typeof computeDigest>;
