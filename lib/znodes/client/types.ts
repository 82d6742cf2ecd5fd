// Shapes of the znode endpoints as the browser sees them: the JSON of the server verbs' results
// and the inputs of their zod schemas (type-only imports: nothing of the server reaches the bundle).
import type { z } from "zod";
import type { Answer, Wire } from "@/lib/core/client/answer";
import type { applyMulti, copySubtree, createNode, deleteNode, getNode, importSubtree, listChildrenPage, previewSubtree, setData } from "@/lib/znodes";
import type { copyInput } from "@/lib/znodes/copy-subtree";
import type { importQuery } from "@/lib/znodes/import-subtree";
import type { createInput, multiInput, NodeType, setInput } from "@/lib/znodes/schema";
import type { versionConflictDetails } from "@/lib/znodes/set-data";

export type { NodeType };
export type { Progress } from "@/lib/core/client/ndjson";

/** GET …/znode: data, Stat and what the signed-in user may do there (the server enforces it regardless); the ACL with `include=acl`. */
export type Znode = Answer<typeof getNode>;
export type ZnodeStat = Znode["stat"];
export type AclEntry = NonNullable<Znode["acl"]>[number];

/** GET …/children: one page of names. */
export type ChildrenPage = Answer<typeof listChildrenPage>;

export type CreateZnodeInput = z.input<typeof createInput>;
export type CreateZnodeResult = Answer<typeof createNode>;

export type SetDataInput = z.input<typeof setInput>;
export type Encoding = z.output<typeof setInput>["encoding"];
/** PUT …/znode answers `{ stat }`. */
export type SetDataResult = { stat: Answer<typeof setData> };

export type DeleteResult = Answer<typeof deleteNode>;

/** `details` of a 409 BAD_VERSION: what is there now, to compare and merge (when the server could read it). */
export type VersionConflict = Wire<ReturnType<typeof versionConflictDetails>>;

/** GET …/subtree: what a recursive delete would remove. */
export type SubtreePreview = Answer<typeof previewSubtree>;

export type CopyInput = z.input<typeof copyInput>;
export type CopyResult = Answer<typeof copySubtree>;
/** POST …/multi: operations applied all or nothing, and each one's result. */
export type MultiInput = z.input<typeof multiInput>;
export type MultiResult = Answer<typeof applyMulti>;

type ImportQuery = z.output<typeof importQuery>;
/** The import dialog's choices; they travel as query parameters. */
export type ImportOptions = { path: string; onExisting: ImportQuery["onExisting"]; acl: boolean; reason?: string };
type ImportAnswer = Answer<typeof importSubtree>;
export type ImportPlan = Extract<ImportAnswer, { dryRun: true }>;
export type ImportReport = Extract<ImportAnswer, { dryRun: false }>;
